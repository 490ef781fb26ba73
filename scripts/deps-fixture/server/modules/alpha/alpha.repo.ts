export const alphaRows = (): string[] => ['a'];
