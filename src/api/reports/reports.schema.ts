import Type from 'typebox';
import { COMMUNITY_LIMITS } from '../../domain/community.js';

export const ReportSchema = Type.Object(
  { reason: Type.String({ maxLength: COMMUNITY_LIMITS.reportReasonLength, description: 'What is wrong' }) },
  { additionalProperties: false },
);

export const ReportCreatedSchema = Type.Object({ id: Type.Integer() });
