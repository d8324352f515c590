// The error envelope is part of the contract; it is defined below the contract so
// that the database layer throws the same AppError without importing the contract.
export { AppError, errorCodes, type ErrorCode, type ErrorDetails, type ErrorEnvelope, type Result } from '../shared/errors.ts';
