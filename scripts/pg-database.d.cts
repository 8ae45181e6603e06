export function createDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }>
