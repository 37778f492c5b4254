export {
  addKeychainWrap,
  changeWorkspacePassphrase,
  createWorkspaceKey,
  MIN_PASSPHRASE_LENGTH,
  openKeyFile,
  unlockWorkspaceKey,
  workspaceStateOf,
  type Unlock,
  type UnlockedKey,
  type WorkspaceState,
} from './unlock';
export {
  keyFilePathFor,
  parseKeyFile,
  readKeyFile,
  writeNewKeyFile,
  type UnlockMeans,
  type WorkspaceKeyFile,
} from './key-file';
export {
  MalformedRecoveryCodeError,
  newRecoveryCode,
  normalizeRecoveryCode,
} from './recovery-code';
export {
  databaseKeyPragma,
  databaseRekeyPragma,
  derivedKey,
  forgetKey,
  newWorkspaceKey,
  type WorkspaceKey,
} from './workspace-key';
