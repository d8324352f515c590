// 月度工作小结 (issue 8): the calls are added with the service.
export const summaryCalls = {} as const;
