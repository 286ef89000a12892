// natural is imported by submodule (its index loads database drivers and prints to stdout);
// these are the parts ccg-archive uses.
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  export default class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    addDocument(text: string | string[], label: string): void;
    train(): void;
    classify(observation: string[]): string;
    getClassifications(observation: string[]): Array<{ label: string; value: number }>;
  }
}
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
