import type { AreaMessages } from './area';

/**
 * Korean messages of the Settings screen (language, about, people), spread into ko.ts. Keys are
 * "settings.*".
 */
export const settingsKo = {
  'settings.title': '설정',
  'settings.language': '표시 언어',
  'settings.about': '앱 정보',
  'settings.appVersion': '앱 버전',
  'settings.schemaVersion': '데이터베이스 스키마 버전',
  'settings.dataDir': '데이터 폴더',
  'settings.actor': '현재 사용자',

  'settings.people.title': '위원회 인원과 이 컴퓨터의 사용자',
  'settings.people.name': '이름',
  'settings.people.role': '역할',
  'settings.people.add': '추가',
  'settings.people.current': '지금 이 컴퓨터에서 일하는 사람',
  'settings.people.none': '아직 등록된 사람이 없습니다.',
  'settings.people.choose': '선택',
  'settings.people.currentHint': '이후의 모든 기록(결정, 열람, 배정)은 이 이름으로 남습니다.',
} satisfies AreaMessages<'settings'>;
