// The dataset's front door: read seed/data and seed/sources, then validate the whole of it in one pass.
import { readDatasetFiles, type DatasetDirs } from './files.js';
import { validateDataset, type ValidationResult } from './validate.js';

export { readDatasetFiles, lineAt, type DatasetDirs, type LoadedDataset, type LoadedRecord } from './files.js';
export { formatIssue, validateDataset, type IssueCode, type ValidationIssue, type ValidationResult } from './validate.js';

export async function loadAndValidate(dirs: DatasetDirs): Promise<ValidationResult> {
  return validateDataset(await readDatasetFiles(dirs));
}
