import { lexEvent, slot } from './events';
import { startHookFixture, type HookFixture } from './hook-fixture';
import { resultProblems, textOf } from './result-rules';

let fixture: HookFixture;
beforeAll(async () => {
  fixture = await startHookFixture();
});
afterAll(() => fixture.stop());

const reset = (
  email: string | undefined,
  source: 'DialogCodeHook' | 'FulfillmentCodeHook',
  confirmationState: 'None' | 'Confirmed' | 'Denied' = source === 'FulfillmentCodeHook'
    ? 'Confirmed'
    : 'None',
  localeId = 'en_US',
) =>
  lexEvent({
    intent: 'ResetPassword',
    source,
    confirmationState,
    localeId,
    slots: email ? { Email: slot(email) } : {},
  });

describe('ResetPassword dialog hook', () => {
  it.each(['jane.doe@example.com', 'a+tag@mail.example.co.uk', 'x_y-z@e.io'])(
    'delegates a valid address %s',
    async (email) => {
      const result = await fixture.pinnedHandler(reset(email, 'DialogCodeHook'));
      expect(result.sessionState.dialogAction.type).toBe('Delegate');
      expect(result.sessionState.intent?.slots.Email?.value?.interpretedValue).toBe(email);
    },
  );

  it('delegates while the address is still missing', async () => {
    expect(
      (await fixture.pinnedHandler(reset(undefined, 'DialogCodeHook'))).sessionState.dialogAction.type,
    ).toBe('Delegate');
  });

  it.each([
    'jane.doe',
    'jane@',
    '@example.com',
    'jane@example',
    'jane doe@example.com',
    'a@b@c.com',
    'jane@example.c0m',
  ])('asks again for %s with a hint', async (email) => {
    const result = await fixture.pinnedHandler(reset(email, 'DialogCodeHook'));
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Email' });
    expect(result.sessionState.intent?.slots.Email).toBeNull();
    expect(textOf(result)).toBe(
      "That doesn't look like an email address. Please say it like name@example.com.",
    );
    expect(resultProblems(result)).toEqual([]);
  });

  it('gives the hint in Spanish', async () => {
    const result = await fixture.pinnedHandler(reset('nope', 'DialogCodeHook', 'None', 'es_US'));
    expect(textOf(result)).toBe('Eso no parece un correo electrónico. Dígamelo así: nombre@ejemplo.com.');
  });

  it('closes as Failed with the declination when the customer said no', async () => {
    const result = await fixture.pinnedHandler(reset('jane.doe@example.com', 'DialogCodeHook', 'Denied'));
    expect(result.sessionState.dialogAction.type).toBe('Close');
    expect(result.sessionState.intent?.state).toBe('Failed');
    expect(textOf(result)).toBe("Okay, I won't reset your password. Anything else?");
  });
});

describe('ResetPassword fulfillment', () => {
  it('confirms the link went to the masked address', async () => {
    const result = await fixture.pinnedHandler(reset('jane.doe@example.com', 'FulfillmentCodeHook'));
    expect(result.sessionState.intent?.state).toBe('Fulfilled');
    expect(textOf(result)).toContain("I've sent a password reset link to j***@e***.com.");
    expect(textOf(result)).not.toContain('jane');
  });

  it('confirms in Spanish', async () => {
    const result = await fixture.pinnedHandler(
      reset('maria@correo.mx', 'FulfillmentCodeHook', 'Confirmed', 'es_US'),
    );
    expect(textOf(result)).toContain('Le envié un enlace para restablecer su contraseña a m***@c***.mx.');
  });

  it.each(['en_US', 'es_US'])(
    'closes a denied intent as Failed with the declination (%s)',
    async (localeId) => {
      const result = await fixture.pinnedHandler(
        reset('jane.doe@example.com', 'FulfillmentCodeHook', 'Denied', localeId),
      );
      expect(result.sessionState.dialogAction.type).toBe('Close');
      expect(result.sessionState.intent?.state).toBe('Failed');
      expect(textOf(result)).toBe(
        localeId === 'en_US'
          ? "Okay, I won't reset your password. Anything else?"
          : 'Está bien, no voy a restablecer su contraseña. ¿Le ayudo con algo más?',
      );
    },
  );

  it('keeps the address out of every log line', async () => {
    fixture.clearLogs();
    await fixture.pinnedHandler(reset('jane.doe@example.com', 'DialogCodeHook'));
    await fixture.pinnedHandler(reset('jane.doe@example.com', 'FulfillmentCodeHook'));
    const logs = fixture.logs();
    expect(logs.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(logs)).not.toContain('jane');
    expect(logs[0]).toMatchObject({
      service: 'parley-code-hook',
      intent: 'ResetPassword',
      invocationSource: 'DialogCodeHook',
      sessionId: 'session-1',
      slots: { Email: 'filled' },
    });
    expect(logs).toContainEqual(
      expect.objectContaining({ message: 'Password reset link requested', email: 'j***@e***.com' }),
    );
  });
});
