// 投诉举报 (issue 8): the calls are added with the service.
export const complaintCalls = {} as const;
