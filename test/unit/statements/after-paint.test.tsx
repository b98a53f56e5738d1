// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAfterPaint } from '~/statements/after-paint';

function Shown({ value }: { value: string }) {
  return <p>{useAfterPaint(value)}</p>;
}

describe('useAfterPaint', () => {
  let frames: FrameRequestCallback[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
      frames.push(callback);
      return frames.length;
    });
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  const paintFrame = () => {
    const due = frames;
    frames = [];
    due.forEach((callback) => callback(0));
  };

  it('keeps the old value until the frame drawn with the change has been painted', () => {
    const { rerender } = render(<Shown value="writing" />);
    rerender(<Shown value="finished" />);
    expect(screen.getByText('writing')).toBeTruthy();
    act(() => paintFrame());
    // The frame's own callbacks run before it is painted: still the old value.
    expect(screen.getByText('writing')).toBeTruthy();
    act(() => vi.runAllTimers());
    expect(screen.getByText('finished')).toBeTruthy();
  });
});
