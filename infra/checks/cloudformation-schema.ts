import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Checks a synthesized template against the CloudFormation resource schemas (the AWS service spec database
 * the CDK generates its L1 constructs from): every resource type exists, every property is one the type has,
 * required ones are present, and values have the declared shape, all the way down. CDK's own L1 classes check
 * some of this; `AWS::Lex::Bot`, passed through verbatim from bot-definitions/, gets no such check without it.
 */

type SpecType =
  | { type: 'string' | 'integer' | 'number' | 'boolean' | 'json' | 'date-time' | 'tag' }
  | { type: 'array' | 'map'; element: SpecType }
  | { type: 'ref'; reference: { $ref: string } }
  | { type: 'union'; types: SpecType[] };

interface SpecProperty {
  type: SpecType;
  required?: boolean;
}

interface SpecShape {
  $id: string;
  properties?: Record<string, SpecProperty>;
}

interface SpecResource extends SpecShape {
  cloudFormationType: string;
}

interface SpecDatabase {
  schema: {
    resource: { entities: SpecResource[] };
    typeDefinition: { entities: SpecShape[] };
  };
}

export interface SchemaProblem {
  resource: string;
  path: string;
  message: string;
}

interface LoadedSpec {
  resources: Map<string, SpecResource>;
  types: Map<string, SpecShape>;
}

let loaded: LoadedSpec | undefined;

function spec(): LoadedSpec {
  if (loaded) return loaded;
  const packageDir = path.dirname(path.dirname(require.resolve('@aws-cdk/aws-service-spec')));
  const database = JSON.parse(
    gunzipSync(readFileSync(path.join(packageDir, 'db.json.gz'))).toString('utf8'),
  ) as SpecDatabase;
  loaded = {
    resources: new Map(
      database.schema.resource.entities.map((resource) => [resource.cloudFormationType, resource]),
    ),
    types: new Map(database.schema.typeDefinition.entities.map((type) => [type.$id, type])),
  };
  return loaded;
}

/** Every problem in the template's resources; empty when all of them match their schemas. */
export function checkTemplateAgainstSchemas(template: {
  Resources?: Record<string, unknown>;
}): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const [logicalId, value] of Object.entries(template.Resources ?? {})) {
    const resource = value as { Type?: string; Properties?: unknown };
    const type = resource.Type ?? '';
    if (type.startsWith('Custom::') || type === 'AWS::CDK::Metadata') continue;
    const schema = spec().resources.get(type);
    const report = (where: string, message: string) =>
      problems.push({ resource: `${logicalId} (${type})`, path: where, message });
    if (!schema) {
      report('Type', `unknown resource type ${type}`);
      continue;
    }
    checkShape(schema, resource.Properties ?? {}, 'Properties', report);
  }
  return problems;
}

type Report = (where: string, message: string) => void;

function checkShape(shape: SpecShape, value: unknown, where: string, report: Report): void {
  if (isIntrinsic(value)) return;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    report(where, 'must be an object');
    return;
  }
  const properties = shape.properties ?? {};
  for (const [name, property] of Object.entries(properties)) {
    if (property.required && !(name in value)) report(`${where}.${name}`, 'is required');
  }
  for (const [name, child] of Object.entries(value)) {
    const property = properties[name];
    if (!property) {
      report(`${where}.${name}`, `is not a property (known: ${Object.keys(properties).join(', ')})`);
      continue;
    }
    checkValue(property.type, child, `${where}.${name}`, report);
  }
}

function checkValue(type: SpecType, value: unknown, where: string, report: Report): void {
  if (isIntrinsic(value)) return;
  switch (type.type) {
    case 'json':
      return;
    case 'string':
    case 'date-time':
      if (typeof value !== 'string' && typeof value !== 'number')
        report(where, `must be a string, not ${describe(value)}`);
      return;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' && !(typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))) {
        report(where, `must be a number, not ${describe(value)}`);
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean' && value !== 'true' && value !== 'false')
        report(where, `must be a boolean, not ${describe(value)}`);
      return;
    case 'tag':
      checkShape(
        {
          $id: 'tag',
          properties: {
            Key: { type: { type: 'string' }, required: true },
            Value: { type: { type: 'string' }, required: true },
          },
        },
        value,
        where,
        report,
      );
      return;
    case 'array':
      if (!Array.isArray(value)) {
        report(where, `must be a list, not ${describe(value)}`);
        return;
      }
      value.forEach((element, index) => checkValue(type.element, element, `${where}[${index}]`, report));
      return;
    case 'map':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        report(where, `must be a map, not ${describe(value)}`);
        return;
      }
      for (const [key, element] of Object.entries(value))
        checkValue(type.element, element, `${where}.${key}`, report);
      return;
    case 'ref': {
      const shape = spec().types.get(type.reference.$ref);
      if (shape) checkShape(shape, value, where, report);
      return;
    }
    case 'union': {
      // Accepted when one of the alternatives accepts it; otherwise the first alternative's complaints.
      const attempts = type.types.map((alternative) => {
        const found: string[] = [];
        checkValue(alternative, value, where, (_at, message) => found.push(message));
        return found;
      });
      if (attempts.every((found) => found.length > 0))
        report(where, attempts[0]?.[0] ?? 'matches no alternative');
      return;
    }
  }
}

/** `{"Ref": ...}` or `{"Fn::...": ...}`: resolved at deploy time, so its shape is CloudFormation's to check. */
function isIntrinsic(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || (keys[0] ?? '').startsWith('Fn::'));
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
