/**
 * A button's action that is not a form: run it, show its refusal in the page's banner (`error`), and keep the
 * buttons busy meanwhile. `run` marks the page busy; `attempt` does not (a quick step beside the long one).
 */
import { App } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Runs `act`, clearing the banner first; a refusal goes into it. Says whether it went through. */
  const attempt = async (act: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    try {
      await act();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };
  const run = async (act: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    try {
      return await attempt(act);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run, attempt };
}

/** Runs an action from a row's button and says how it went in a message (done, or the refusal). */
export function useToastAction() {
  const { message } = App.useApp();
  return async (act: () => Promise<unknown>, done: string) => {
    try {
      await act();
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
}
