import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * The native menu: standard roles so editing shortcuts and window handling work on every OS.
 * File → 백업… calls `requestBackup` (main/index.ts: the window's Settings shows the progress).
 */
export function installMenu(isDev: boolean, requestBackup: () => void): void {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '실제 크기' },
    { role: 'zoomIn', label: '확대' },
    { role: 'zoomOut', label: '축소' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '전체 화면' },
  ];
  if (isDev) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '파일',
      submenu: [
        { id: 'file-backup', label: '백업… / Back up…', click: requestBackup },
        { type: 'separator' },
        { role: 'quit', label: '끝내기' },
      ],
    },
    {
      label: '편집',
      submenu: [
        { role: 'undo', label: '실행 취소' },
        { role: 'redo', label: '다시 실행' },
        { type: 'separator' },
        { role: 'cut', label: '잘라내기' },
        { role: 'copy', label: '복사' },
        { role: 'paste', label: '붙여넣기' },
        { role: 'selectAll', label: '모두 선택' },
      ],
    },
    { label: '보기', submenu: view },
    { role: 'windowMenu', label: '창' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
