// What the guest forms' fields draw from their schemas (`required`, `pattern`…), worked out here
// rather than in the browser: a guest page's clientLoader reads the file this writes
// (app/guest/form-constraints.json), so its first load needs neither zod nor the schema
// (docs/decisions/039). test/unit/guest/form-constraints.test.ts fails when the file is stale.
import { ApplicationSchema } from '../../app/applications/application-schema';
import { HistoryDateSchema } from '../../app/applications/history-date-schema';
import { constraintOf } from '../../app/components/forms/constraint';
import { EventSchema, FollowUpSchema } from '../../app/events/event-schema';
import { LogRangeSchema } from '../../app/job-search-log/range-schema';
import { ImportUploadSchema } from '../../app/portability/import-schema';

/** Each guest form's constraints, under the name its page reads them by. */
export function guestConstraints() {
  return {
    application: constraintOf(ApplicationSchema),
    event: constraintOf(EventSchema),
    followUp: constraintOf(FollowUpSchema),
    historyDate: constraintOf(HistoryDateSchema),
    importUpload: constraintOf(ImportUploadSchema),
    logRange: constraintOf(LogRangeSchema),
  };
}
