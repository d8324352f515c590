// 专项检查 (issue 8): the calls are added with the service.
export const inspectionCalls = {} as const;
