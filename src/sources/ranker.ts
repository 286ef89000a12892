/**
 * Loading the speaker ranker's learned weights (sources/models/speaker-ranker.json, written by
 * scripts/train-ranker.mjs). A missing file is an InputError and a corrupt one a ValidationError,
 * each one line naming the file and what is wrong.
 */
import { ValidationError } from '../core/errors.js';
import { rankerProblem, type SpeakerRanker } from '../analyse/ranker.js';
import { readJsonFile } from './read-json.js';

export function validateSpeakerRanker(data: unknown, file: string): SpeakerRanker {
  const problem = rankerProblem(data);
  if (problem) {
    const at = problem.indexOf(': ');
    throw new ValidationError(file, problem.slice(0, at), `${problem.slice(at + 2)} (the speaker ranker's weights; regenerate them with scripts/train-ranker.mjs)`);
  }
  return data as SpeakerRanker;
}

export function loadSpeakerRanker(file: string): SpeakerRanker {
  return validateSpeakerRanker(readJsonFile(file, "the speaker ranker's weights"), file);
}
