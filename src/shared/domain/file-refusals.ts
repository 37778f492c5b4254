/**
 * Why a file was not saved, in both languages: the issue codes main's writeNewFile gives. A
 * file the app hands out is never saved over another, so choosing a taken name is refused.
 */
export const FILE_REFUSAL_MESSAGES = {
  file_exists: {
    ko: '같은 이름의 파일이 이미 있어 저장하지 않았습니다. 다른 이름을 고르세요',
    en: 'a file with that name already exists and was not replaced; choose another name',
  },
  write_failed: { ko: '파일을 저장하지 못했습니다', en: 'the file could not be saved' },
} as const satisfies Record<string, { ko: string; en: string }>;

export type FileRefusalCode = keyof typeof FILE_REFUSAL_MESSAGES;

export function isFileRefusalCode(code: string): code is FileRefusalCode {
  return Object.hasOwn(FILE_REFUSAL_MESSAGES, code);
}
