import { z } from 'zod';
import * as zm from 'zod/mini';
import { optionalSetting, tableNameSetting } from '../../../functions/shared/settings';

const Settings = zm.object({
  CONVERSATIONS_TABLE_NAME: tableNameSetting('conversations'),
  LABEL: optionalSetting(zm.string().check(zm.minLength(2, 'must be two letters or more'))),
});

it('takes an unset or empty optional setting as absent, and checks a given one', () => {
  expect(zm.parse(Settings, {})).toEqual({ CONVERSATIONS_TABLE_NAME: 'parley-conversations' });
  expect(zm.parse(Settings, { LABEL: '' })).toEqual({ CONVERSATIONS_TABLE_NAME: 'parley-conversations' });
  expect(zm.parse(Settings, { LABEL: 'ok' }).LABEL).toBe('ok');
  expect(zm.safeParse(Settings, { LABEL: 'x' }).error?.issues[0]?.message).toBe(
    'must be two letters or more',
  );
});

it('names a table by the setting, its contract default when unset, and refuses a name DynamoDB would', () => {
  expect(zm.parse(Settings, { CONVERSATIONS_TABLE_NAME: 'memory.v2' }).CONVERSATIONS_TABLE_NAME).toBe(
    'memory.v2',
  );
  for (const bad of ['', 'ab', 'has space', 'x'.repeat(256)]) {
    expect(zm.safeParse(Settings, { CONVERSATIONS_TABLE_NAME: bad }).error?.issues[0]?.message).toBe(
      'must be a DynamoDB table name: 3-255 of A-Z a-z 0-9 _ . -',
    );
  }
});

it('serves the classic zod schemas of the channels as well', () => {
  const Channel = z.object({
    SLACK_EVENTS_TABLE_NAME: tableNameSetting('slackEvents'),
    URL: optionalSetting(z.url()),
  });
  expect(Channel.parse({ URL: '' })).toEqual({ SLACK_EVENTS_TABLE_NAME: 'parley-slack-events' });
});
