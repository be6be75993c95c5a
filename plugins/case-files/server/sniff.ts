// The content sniffer lives in the core (api/uploads/sniff.ts) since the public application form
// checks its uploads the same way; the plugin takes it from the kit.
export { fileKinds, sniffKind, type FileKind, type SniffLimits } from '../../../api/plugin-kit.js';
