import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppContext } from '../boot.ts';
import type { AppState } from './store.ts';

const Ctx = createContext<AppContext | null>(null);

export function AppProvider({ ctx, children }: { ctx: AppContext; children: ReactNode }) {
  return <Ctx.Provider value={ctx}>{children}</Ctx.Provider>;
}

export function useAppContext(): AppContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useAppContext outside <AppProvider>');
  return ctx;
}

/** Subscribe a component to a slice of the mode's store. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useAppContext().store, selector);
}
