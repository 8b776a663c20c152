import http from 'node:http';
import {
  PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
  ValidationException,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { localClientConfig } from '../../support/local-stack';
import { startEdge, type Edge } from '../../../local/edge/server';
import { createLocalSms, type LocalSms } from '../../../local/sms/service';

let edge: Edge;
let sms: LocalSms;
let client: PinpointSMSVoiceV2Client;

beforeAll(async () => {
  sms = createLocalSms();
  edge = await startEdge({ services: [sms] });
  client = new PinpointSMSVoiceV2Client(localClientConfig(edge.url));
});

afterAll(async () => {
  client.destroy();
  await edge.close();
});

function post(target: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${edge.url}/`,
      {
        method: 'POST',
        headers: {
          'x-amz-target': target,
          'content-type': 'application/x-amz-json-1.0',
          connection: 'close',
        },
        agent: false,
      },
      (response) => {
        let data = '';
        response.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: data }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('a JSON-protocol stand-in (the local SMS service)', () => {
  it('answers the real client, and raises its exception class for input the service refuses', async () => {
    const sent = await client.send(
      new SendTextMessageCommand({ DestinationPhoneNumber: '+15095551212', MessageBody: 'Your details' }),
    );
    expect(sent.MessageId).toBe(sms.sent()[0]?.messageId);
    expect(sent.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const refused = client.send(
      new SendTextMessageCommand({ DestinationPhoneNumber: '5095551212', MessageBody: 'x' }),
    );
    await expect(refused).rejects.toBeInstanceOf(ValidationException);
    // Errors carry a request id too (the endpoint fuzzer found them without one).
    await expect(refused).rejects.toMatchObject({
      $metadata: { requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
  });

  it('names an operation it does not serve and a body it cannot read, and keeps serving', async () => {
    const unknown = await post('PinpointSMSVoiceV2.SendVoiceMessage', '{}');
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toMatchObject({ __type: 'UnknownOperationException' });
    const garbled = await post('PinpointSMSVoiceV2.SendTextMessage', '{"Destination');
    expect(JSON.parse(garbled.body)).toMatchObject({ __type: 'SerializationException' });
    const list = await post('PinpointSMSVoiceV2.SendTextMessage', '[]');
    expect(JSON.parse(list.body)).toMatchObject({ __type: 'SerializationException' });
    expect(
      (
        await post(
          'PinpointSMSVoiceV2.SendTextMessage',
          JSON.stringify({ DestinationPhoneNumber: '+15095551213', MessageBody: 'ok' }),
        )
      ).status,
    ).toBe(200);
  });
});
