import { pickNotice } from '~/components/notice';

const NOTICES: Record<string, string> = {
  deleted: 'The application has been deleted.',
};

/** The message for an applications notice key, or null for anything unknown. */
export const noticeMessage = (key: string | null) => pickNotice(NOTICES, key);
