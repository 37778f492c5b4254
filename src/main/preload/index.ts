import { contextBridge, ipcRenderer } from 'electron';
import { buildWindowApi } from '../../shared/ipc/build-api';

// The renderer gets exactly one function per contract channel, and nothing of ipcRenderer.
contextBridge.exposeInMainWorld(
  'api',
  buildWindowApi((channel, request) => ipcRenderer.invoke(channel, request)),
);
