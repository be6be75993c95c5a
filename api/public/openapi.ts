// The public routes and the front door's staff routes in /api/openapi.json. The public ones carry
// the tag `public` and no security: they are the whole of what a person without an account reaches.
const error = { description: 'Refused', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const publicOp = (summary: string, responses: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ tags: ['public'], security: [], summary, ...extra, responses });

export const frontDoorOpenApi: Record<string, unknown> = {
  '/api/public/challenge': {
    get: publicOp('A proof-of-work challenge: find a counter whose SHA-256 of `nonce:counter` starts with `bits` zero bits', {
      200: { description: '{ token, nonce, bits, expiresAt }' }, 429: error,
    }),
  },
  '/api/public/application-form': {
    get: publicOp("The application form: the applicant's fields of the case declaration, the uploads it takes", { 200: { description: '{ fields, uploads, fileKinds, fileLimitMb }' } }),
  },
  '/api/public/applications': {
    post: publicOp('Apply for legal aid without an account (multipart: application JSON, consent, challengeToken, challengeSolution, idDocument, hardshipProof); the Origin must be the console\'s', {
      201: { description: '{ trackingCode } and nothing else' }, 400: error, 403: error, 413: error, 429: error,
    }, { requestBody: { content: { 'multipart/form-data': { schema: { type: 'object' } } } } }),
  },
  '/api/public/applications/{trackingCode}': {
    get: publicOp('The state of one application and what the centre asks for; the same 404 for a wrong code or a wrong phone', {
      200: { description: '{ trackingCode, submittedOn, status, statusLabel, notice }' }, 404: error, 429: error,
    }, {
      parameters: [
        { name: 'trackingCode', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'phone', in: 'query', required: true, schema: { type: 'string' } },
      ],
    }),
  },
  '/api/consultations/{id}/convert': {
    post: { tags: ['consultations'], summary: '转为申请: a new case in `applied`, pre-filled from the consultation and linked both ways', responses: { 201: { description: 'The new case' }, 403: error, 404: error, 409: error } },
  },
  '/api/reports/hotline': {
    get: { tags: ['reports'], summary: 'The quarterly 12348 report (?quarter=YYYY-Qn); .xlsx and .pdf beside it', responses: { 200: { description: 'Counts by channel, category, service point and month, conversions, top topics, reply timeliness' }, 400: error, 403: error } },
  },
  '/api/cases/{id}/conflicts': {
    get: { tags: ['cases'], summary: '利益冲突审查: [{ kind, caseId, caseNumber, matchedOn }] for the case, and with ?lawyerId= for that lawyer and firm', responses: { 200: { description: 'The matches' }, 403: error, 404: error } },
  },
};
