import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildWindowApi } from '../../shared/ipc/build-api';

// The renderer gets exactly one function per contract channel, and nothing of ipcRenderer.
contextBridge.exposeInMainWorld(
  'api',
  buildWindowApi(
    (channel, request) => ipcRenderer.invoke(channel, request),
    (event, listener) => {
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(event, forward);
      return () => ipcRenderer.removeListener(event, forward);
    },
  ),
);

// A sandboxed page cannot see where a dropped file lives; Electron can tell the preload.
// Only a File from a real drop has a path, so page script cannot forge a grant with this.
contextBridge.exposeInMainWorld('desktop', {
  pathForFile: (file: File) => {
    const path = webUtils.getPathForFile(file);
    if (path) ipcRenderer.send('desktop:dropped-path', path);
    return path;
  },
});
