/** The projects module's texts, Chinese first; English must have every key (the type checks it). */
export const projectsZh = {} as const;

export const projectsEn: Record<keyof typeof projectsZh, string> = {};
