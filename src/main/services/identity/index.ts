export {
  generateIdentity,
  publicKeyFileOf,
  readKeyFile,
  readPublicKeyFile,
  unlockIdentity,
  type GeneratedIdentity,
  type KeyFile,
  type Profile,
  type PublicKeyFile,
  type UnlockedIdentity,
} from './identity';
export { DEFAULT_SCRYPT, WrongPassphraseError, type ScryptParams } from './key-file';
