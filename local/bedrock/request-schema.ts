import { z } from 'zod';

/*
 * The Converse / ConverseStream request body, with the constraints of the Bedrock Runtime service model
 * (aws-models/bedrock-runtime.json). Structures drop unknown members, as the service does; a union must set
 * exactly one of its members. Blobs arrive base64-encoded, documents as plain JSON.
 */

/**
 * A Smithy union: every member optional, exactly one of them set. Parsed values keep the wire shape, so the
 * engines read `block.text`, `block.toolUse`... and can rely on only one being there.
 */
function union<Shape extends z.ZodRawShape>(shape: Shape) {
  const members = Object.keys(shape);
  return z
    .object(shape)
    .partial()
    .superRefine((value, ctx) => {
      const record = value as Record<string, unknown>;
      if (members.filter((member) => record[member] !== undefined).length !== 1) {
        ctx.addIssue({
          code: 'custom',
          message: `must have exactly one of these members set: ${members.join(', ')}`,
          input: value,
        });
      }
    });
}

const nonEmptyString = z.string().min(1);
const base64Blob = z.base64().min(1);
export type JsonValue = z.infer<ReturnType<typeof z.json>>;

/** A Smithy document. The body came from JSON.parse, so any value present is JSON; only absence is an error. */
const jsonDocument = z.custom<JsonValue>((value) => value !== undefined, { message: 'must not be null' });
const jsonObject = z.record(z.string(), jsonDocument);

/** Model ids, inference profile ids and the ARNs of models, profiles, prompts and endpoints. */
export const modelIdSchema = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^[a-zA-Z0-9._:/-]+$/);

const toolNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-zA-Z0-9_-]+$/);
const toolUseIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-zA-Z0-9_-]+$/);

const s3LocationSchema = z.object({
  uri: z
    .string()
    .min(1)
    .max(1024)
    .regex(/^s3:\/\/.+$/),
  bucketOwner: z
    .string()
    .regex(/^[0-9]{12}$/)
    .optional(),
});

const mediaSourceSchema = union({ bytes: base64Blob, s3Location: s3LocationSchema });

const cachePointSchema = z.object({ type: z.enum(['default']), ttl: z.enum(['5m', '1h']).optional() });

const imageSchema = z.object({
  format: z.enum(['png', 'jpeg', 'gif', 'webp']),
  source: mediaSourceSchema,
});

const citationsConfigSchema = z.object({ enabled: z.boolean() });

const documentSchema = z.object({
  format: z.enum(['pdf', 'csv', 'doc', 'docx', 'xls', 'xlsx', 'html', 'txt', 'md']).optional(),
  name: z.string().min(1).max(200),
  source: union({
    bytes: base64Blob,
    s3Location: s3LocationSchema,
    text: z.string(),
    content: z.array(union({ text: z.string() })),
  }),
  context: z.string().optional(),
  citations: citationsConfigSchema.optional(),
});

const videoSchema = z.object({
  format: z.enum(['mkv', 'mov', 'mp4', 'webm', 'flv', 'mpeg', 'mpg', 'wmv', 'three_gp']),
  source: mediaSourceSchema,
});

const audioSchema = z.object({
  format: z.enum([
    'aac',
    'flac',
    'm4a',
    'mka',
    'mkv',
    'mp3',
    'mp4',
    'mpeg',
    'mpga',
    'ogg',
    'opus',
    'pcm',
    'wav',
    'webm',
    'x-aac',
  ]),
  source: mediaSourceSchema,
});

const searchResultSchema = z.object({
  source: z.string(),
  title: z.string(),
  content: z.array(z.object({ text: z.string() })),
  citations: citationsConfigSchema.optional(),
});

const guardContentSchema = union({
  text: z.object({
    text: z.string(),
    qualifiers: z.array(z.enum(['grounding_source', 'query', 'guard_content'])).optional(),
  }),
  image: z.object({ format: z.enum(['png', 'jpeg']), source: union({ bytes: base64Blob }) }),
});

export const toolUseSchema = z.object({
  toolUseId: toolUseIdSchema,
  name: toolNameSchema,
  input: jsonDocument,
  type: z.enum(['server_tool_use']).optional(),
});

const toolResultSchema = z.object({
  toolUseId: toolUseIdSchema,
  content: z.array(
    union({
      json: jsonDocument,
      text: z.string(),
      image: imageSchema,
      document: documentSchema,
      video: videoSchema,
      searchResult: searchResultSchema,
    }),
  ),
  status: z.enum(['success', 'error']).optional(),
  type: z.string().optional(),
});

const citationSchema = z.object({
  title: z.string().optional(),
  source: z.string().optional(),
  sourceContent: z.array(z.object({ text: z.string().optional() })).optional(),
  location: jsonObject.optional(),
});

const toolReferenceSchema = z.object({
  type: z.string().optional(),
  name: z.string().optional(),
  serverName: z.string().optional(),
});

export const contentBlockSchema = union({
  text: z.string(),
  image: imageSchema,
  document: documentSchema,
  video: videoSchema,
  audio: audioSchema,
  toolUse: toolUseSchema,
  toolResult: toolResultSchema,
  guardContent: guardContentSchema,
  cachePoint: cachePointSchema,
  reasoningContent: union({
    reasoningText: z.object({ text: z.string(), signature: z.string().optional() }),
    redactedContent: base64Blob,
  }),
  citationsContent: z.object({
    content: z.array(union({ text: z.string() })).optional(),
    citations: z.array(citationSchema).optional(),
  }),
  searchResult: searchResultSchema,
  toolAddition: z.object({ tool: toolReferenceSchema }),
  toolRemoval: z.object({ tool: toolReferenceSchema }),
});
export type ContentBlock = z.infer<typeof contentBlockSchema>;

export const messageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.array(contentBlockSchema),
});
export type Message = z.infer<typeof messageSchema>;

const systemBlockSchema = union({
  text: nonEmptyString,
  guardContent: guardContentSchema,
  cachePoint: cachePointSchema,
});
export type SystemContentBlock = z.infer<typeof systemBlockSchema>;

const toolSpecSchema = z.object({
  name: toolNameSchema,
  description: nonEmptyString.optional(),
  inputSchema: union({ json: jsonObject }),
  strict: z.boolean().optional(),
});
export type ToolSpecification = z.infer<typeof toolSpecSchema>;

const toolChoiceSchema = union({
  auto: z.object({}),
  any: z.object({}),
  tool: z.object({ name: toolNameSchema }),
});
export type ToolChoice = z.infer<typeof toolChoiceSchema>;

const toolConfigSchema = z.object({
  tools: z
    .array(
      union({
        toolSpec: toolSpecSchema,
        systemTool: z.object({ name: toolNameSchema }),
        cachePoint: cachePointSchema,
      }),
    )
    .min(1),
  toolChoice: toolChoiceSchema.optional(),
});
export type ToolConfiguration = z.infer<typeof toolConfigSchema>;

const inferenceConfigSchema = z.object({
  maxTokens: z.number().int().min(1).optional(),
  temperature: z.number().min(0).max(1).optional(),
  topP: z.number().min(0).max(1).optional(),
  stopSequences: z.array(nonEmptyString).max(2500).optional(),
});
export type InferenceConfiguration = z.infer<typeof inferenceConfigSchema>;

const guardrailConfigSchema = z.object({
  guardrailIdentifier: z
    .string()
    .max(2048)
    .regex(/^(|([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail\/[a-z0-9]+))$/)
    .optional(),
  guardrailVersion: z
    .string()
    .regex(/^(|([1-9][0-9]{0,7})|(DRAFT))$/)
    .optional(),
  trace: z.enum(['enabled', 'disabled', 'enabled_full']).optional(),
  /** ConverseStream only; Converse has no such member and the service model would not read it there. */
  streamProcessingMode: z.enum(['sync', 'async']).optional(),
});
export type GuardrailConfiguration = z.infer<typeof guardrailConfigSchema>;

export const converseRequestBodySchema = z.object({
  messages: z.array(messageSchema),
  system: z.array(systemBlockSchema).optional(),
  inferenceConfig: inferenceConfigSchema.optional(),
  toolConfig: toolConfigSchema.optional(),
  guardrailConfig: guardrailConfigSchema.optional(),
  additionalModelRequestFields: jsonObject.optional(),
  additionalModelResponseFieldPaths: z.array(z.string().min(1).max(256).regex(/^\//)).max(10).optional(),
  promptVariables: z.record(z.string(), union({ text: z.string() })).optional(),
  requestMetadata: z
    .record(z.string().min(1).max(256), z.string().max(256))
    .refine((map) => Object.keys(map).length <= 16, { message: 'must have at most 16 entries' })
    .optional(),
  performanceConfig: z.object({ latency: z.enum(['standard', 'optimized']).optional() }).optional(),
  serviceTier: z.object({ type: z.enum(['default', 'flex', 'priority', 'reserved']) }).optional(),
  outputConfig: z
    .object({
      textFormat: z
        .object({
          type: z.enum(['json_schema']),
          structure: union({
            jsonSchema: z.object({
              schema: nonEmptyString,
              name: z.string().optional(),
              description: z.string().optional(),
            }),
          }),
        })
        .optional(),
      effort: z.string().optional(),
    })
    .optional(),
});
export type ConverseRequestBody = z.infer<typeof converseRequestBodySchema>;
