import type { webApi } from '@slack/bolt';

export interface DmFile {
  filename: string;
  content: string;
}

/**
 * Sends files to a person in a DM with the bot, with a comment, as one message. The SDK's
 * `files.uploadV2` does Slack's external upload (an upload URL per file, the bytes, one
 * completion that shares them all). Every file the bot hands out (pulse answers, data
 * exports) goes this way.
 */
export async function sendFilesInDm(
  slack: webApi.WebClient,
  userId: string,
  files: readonly DmFile[],
  comment: string,
): Promise<void> {
  const dm = await slack.conversations.open({ users: userId });
  const dmId = dm.channel?.id;
  if (!dmId) throw new Error('conversations.open answered without a channel');
  await slack.files.uploadV2({
    channel_id: dmId,
    initial_comment: comment,
    file_uploads: files.map((file) => ({ file: Buffer.from(file.content, 'utf8'), filename: file.filename })),
  });
}
