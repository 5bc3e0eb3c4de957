import { useClientHandle, type CombinedError } from '@urql/vue';
import { reactive, ref, shallowRef } from 'vue';
import {
  AccountSecurityDocument,
  BeginTotpSetupDocument,
  ConfirmTotpSetupDocument,
  DisableTotpDocument,
  type TotpSetup,
} from '../../graphql/auth';
import { hasErrorCode, invalidFields, retryAfterSeconds } from '../../graphql/errors';
import { useForm } from '../forms/use-form';
import {
  normaliseSecondFactorCode,
  normaliseTotpCode,
  secondFactorCodeProblem,
  totpCodeProblem,
} from '../forms/rules';

/**
 * Where the two-step sign-in section is:
 * - `loading` / `error`: reading whether it is on (`me.totpEnabledAt`);
 * - `off`: not set up; `setup`: a secret to scan and a first code to type;
 * - `recovery-codes`: just turned on, the ten recovery codes shown once; `on`: set up, can be turned off.
 */
export type TwoStepState = 'loading' | 'error' | 'off' | 'setup' | 'recovery-codes' | 'on';

/** A message about the section as a whole (CONFLICT, a change made elsewhere, a success), as an i18n key. */
export interface TwoStepNotice {
  key: string;
  tone: 'info' | 'success' | 'error';
  params?: Record<string, unknown>;
}

function failure(error: CombinedError | undefined, fallback: string) {
  const wait = retryAfterSeconds(error);
  return wait !== null ? { key: 'form.errors.tooManyRequests', params: { seconds: wait } } : { key: fallback };
}

/**
 * Two-factor sign-in (TOTP) of the signed-in account: its state, the setup (secret, QR code, first code), the
 * recovery codes and turning it off. Every read goes to the network: the state may change in another tab.
 */
export function useTwoStep() {
  const { client } = useClientHandle();

  const state = ref<TwoStepState>('loading');
  const enabledAt = ref<string | null>(null);
  const setup = shallowRef<TotpSetup | null>(null);
  /** Kept only while they are shown; forgotten when the person says they are saved. */
  const recoveryCodes = shallowRef<readonly string[]>([]);
  const notice = ref<TwoStepNotice | null>(null);
  const busy = ref(false);

  const confirmValues = reactive({ code: '' });
  const confirmForm = useForm(['code'] as const, { code: () => totpCodeProblem(confirmValues.code) }, confirmValues);
  const disableValues = reactive({ code: '' });
  const disableForm = useForm(
    ['code'] as const,
    { code: () => secondFactorCodeProblem(disableValues.code) },
    disableValues,
  );

  function clearForms(): void {
    confirmValues.code = '';
    disableValues.code = '';
    confirmForm.errors.code = null;
    disableForm.errors.code = null;
    confirmForm.formError.value = null;
    disableForm.formError.value = null;
  }

  /** Reads whether two-factor sign-in is on. Keeps the current notice (it may explain why this reload). */
  async function load(): Promise<void> {
    state.value = 'loading';
    const result = await client.query(AccountSecurityDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    const me = result.data?.me;
    if (!me) {
      state.value = 'error';
      return;
    }
    enabledAt.value = me.totpEnabledAt;
    setup.value = null;
    recoveryCodes.value = [];
    clearForms();
    state.value = me.totpEnabledAt ? 'on' : 'off';
  }

  /** Asks for a new secret (a setup started earlier and not confirmed is replaced). */
  async function begin(): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    notice.value = null;
    try {
      const result = await client.mutation(BeginTotpSetupDocument, {}).toPromise();
      const value = result.data?.beginTotpSetup;
      if (value) {
        clearForms();
        setup.value = value;
        state.value = 'setup';
      } else if (hasErrorCode(result.error, 'CONFLICT')) {
        // Turned on meanwhile (another tab or device): show the current state.
        notice.value = { key: 'security.notices.alreadyOn', tone: 'info' };
        await load();
      } else {
        notice.value = { ...failure(result.error, 'security.notices.beginFailed'), tone: 'error' };
      }
    } finally {
      busy.value = false;
    }
  }

  /** Leaves the setup; the secret that was shown is never activated (a new setup replaces it). */
  function cancelSetup(): void {
    setup.value = null;
    clearForms();
    notice.value = null;
    state.value = 'off';
  }

  async function confirm(): Promise<void> {
    if (busy.value) return;
    if (!confirmForm.checkAll()) {
      await confirmForm.focusFirstError();
      return;
    }
    busy.value = true;
    notice.value = null;
    try {
      const result = await client
        .mutation(ConfirmTotpSetupDocument, { code: normaliseTotpCode(confirmValues.code) })
        .toPromise();
      const codes = result.data?.confirmTotpSetup;
      if (codes) {
        setup.value = null;
        clearForms();
        recoveryCodes.value = codes;
        state.value = 'recovery-codes';
      } else if (invalidFields(result.error).includes('code')) {
        confirmForm.setError('code', 'security.errors.confirmCodeRejected');
        await confirmForm.focusFirstError();
      } else if (hasErrorCode(result.error, 'CONFLICT')) {
        // No setup in progress any more (finished or restarted elsewhere): show the current state.
        notice.value = { key: 'security.notices.setupGone', tone: 'info' };
        await load();
      } else {
        confirmForm.formError.value = failure(result.error, 'security.notices.confirmFailed');
      }
    } finally {
      busy.value = false;
    }
  }

  /** The recovery codes are saved: they are forgotten here and the section shows the state it is in now. */
  async function finish(): Promise<void> {
    recoveryCodes.value = [];
    notice.value = { key: 'security.notices.enabled', tone: 'success' };
    await load();
  }

  async function disable(): Promise<void> {
    if (busy.value) return;
    if (!disableForm.checkAll()) {
      await disableForm.focusFirstError();
      return;
    }
    busy.value = true;
    notice.value = null;
    try {
      const result = await client
        .mutation(DisableTotpDocument, { code: normaliseSecondFactorCode(disableValues.code) })
        .toPromise();
      if (result.data?.disableTotp === true) {
        clearForms();
        enabledAt.value = null;
        state.value = 'off';
        notice.value = { key: 'security.notices.disabled', tone: 'success' };
      } else if (invalidFields(result.error).includes('code')) {
        disableForm.setError('code', 'security.errors.disableCodeRejected');
        await disableForm.focusFirstError();
      } else {
        disableForm.formError.value = failure(result.error, 'security.notices.disableFailed');
      }
    } finally {
      busy.value = false;
    }
  }

  return {
    state,
    enabledAt,
    setup,
    recoveryCodes,
    notice,
    busy,
    confirmValues,
    confirmForm,
    disableValues,
    disableForm,
    load,
    begin,
    cancelSetup,
    confirm,
    finish,
    disable,
  };
}

/** The secret in groups of 4 characters, as authenticator apps show it and people type it. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** An SVG document as an image URL: shown with `<img>`, where it can run no script and reach no page. */
export function svgImageUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** Only an `otpauth://` URI may become a link (the app that handles it opens on a phone). */
export function otpauthLink(uri: string): string | null {
  return uri.startsWith('otpauth://totp/') ? uri : null;
}

/** A plain-text file, as a link's `href`, for "download". */
export function textFileUrl(lines: readonly string[]): string {
  return `data:text/plain;charset=utf-8,${encodeURIComponent(`${lines.join('\r\n')}\r\n`)}`;
}
