import { Component, type ReactNode } from 'react';

/** Contains a failure to one panel (its fallback shows instead), so a side panel can never take the page down. */
export class QuietBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
