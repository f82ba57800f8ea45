/** The loans module's texts, Chinese first; English must have every key (the type checks it). */
export const loansZh = {} as const;

export const loansEn: Record<keyof typeof loansZh, string> = {};
