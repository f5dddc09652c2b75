/**
 * Hands the published lists over from the bundled modules, for tests and scripts, which score
 * without an extension package to read them from. The worker never imports this file.
 */
import { VADER_EN } from './lexicon-en';
import { PATTERN_FR } from './lexicon-fr';
import { providePublished } from './published';

providePublished('en', VADER_EN);
providePublished('fr', PATTERN_FR);
