export {
  createIdentity,
  generateIdentity,
  publicKeyFileOf,
  publicKeyPathBeside,
  readKeyFile,
  readPublicKeyFile,
  safeFileName,
  unlockIdentity,
  unlockKeyFile,
  type GeneratedIdentity,
  type KeyFile,
  type NewKeyProtection,
  type Profile,
  type PublicKeyFile,
  type UnlockedIdentity,
  type UnlockSecrets,
} from './identity';
export { inspectKeyFile, type KeyInspection } from './inspect';
export { DEFAULT_SCRYPT, WrongPassphraseError, type ScryptParams } from './key-file';
export {
  KeyFileDamagedError,
  KeychainMismatchError,
  KeychainUnavailableError,
  type KeyProtector,
} from './key-protector';
