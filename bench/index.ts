// npm run bench: every area's figures, one JSON line each. npm run bench:<area> runs one area.
await import('./import');
await import('./decision');
await import('./grid');
await import('./verify');
await import('./minutes');
export {};
