import { useSyncExternalStore } from 'react';
import { isRecordingTrack, subscribeRecording } from './recorder.ts';

/** Whether this phone is recording the task's track now. */
export function useIsRecording(taskId: string): boolean {
  return useSyncExternalStore(subscribeRecording, () => isRecordingTrack(taskId));
}
