/**
 * The scorer on sentences written for these tests (none comes from an evaluation set).
 */
import { describe, expect, it } from 'vitest';
import type { WordRule } from '../../../../src/core/model/types';
import { scoreNegativity } from '../../../../src/core/sentiment/score-negativity';

const negative = (text: string, rules?: WordRule[]) => scoreNegativity(text, { rules }).negative;
const score = (text: string) => scoreNegativity(text).score;

describe('scoreNegativity: French negation', () => {
  it('turns a positive word negative with ne … pas, ne … jamais, ne … plus', () => {
    expect(negative("Ce produit n'est pas bon.")).toBe(true);
    expect(negative('Je ne recommande pas cette boutique.')).toBe(true);
    expect(negative("Je n'ai jamais reçu de réponse satisfaisante.")).toBe(true);
    expect(negative("Leur service n'est plus agréable du tout.")).toBe(true);
  });

  it('reads "pas" without "ne", as tweets write it, before and after the verb', () => {
    expect(negative("C'est pas top.")).toBe(true);
    expect(negative("J'aime pas ce nouveau design.")).toBe(true);
  });

  it('reads "pas terrible" as the faint criticism it is, and "pas mal" as faint praise', () => {
    const meh = scoreNegativity("La nouvelle formule n'est pas terrible.");
    expect(meh.negative).toBe(true);
    expect(meh.hits.map((h) => h.word)).toEqual(['pas terrible']);
    expect(negative('Franchement, pas mal du tout.')).toBe(false);
  });

  it('does not call a negated criticism negative', () => {
    expect(negative("Ce n'est pas mauvais du tout.")).toBe(false);
  });

  it('leans negative on a negation that turns no rated word', () => {
    expect(negative("Le colis n'est toujours pas arrivé.")).toBe(true);
  });

  it('knows the negations of everyday politeness and praise', () => {
    expect(negative("N'hésitez pas à nous contacter.")).toBe(false);
    expect(negative('Il ne faut pas oublier de réserver.')).toBe(false);
    expect(scoreNegativity("Je n'ai rien à redire.").tone).toBe('positive');
  });
});

describe('scoreNegativity: English negation', () => {
  it("turns praise with not, n't, never", () => {
    expect(negative("I don't like the new app.")).toBe(true);
    expect(negative("The staff wasn't helpful.")).toBe(true);
    expect(negative('It is not worth it.')).toBe(true);
  });

  it('does not call "not bad" negative', () => {
    expect(negative('Not bad at all.')).toBe(false);
    expect(negative("It isn't bad.")).toBe(false);
  });

  it("leans negative on a negation that turns no rated word: it doesn't work", () => {
    expect(negative("The charger doesn't work.")).toBe(true);
  });

  it('keeps complaints about what never came negative', () => {
    expect(negative('Still no refund after six weeks.')).toBe(true);
    expect(negative("Don't forget your ticket.")).toBe(false);
  });
});

describe('scoreNegativity: refunds', () => {
  it('calls a refund still awaited, or asked for, negative, in both languages', () => {
    for (const text of [
      "They still haven't issued a refund after three weeks.",
      'Still no refund.',
      'I want a refund.',
      'Toujours pas de remboursement.',
      'Pas de remboursement malgré mes relances.',
    ]) {
      expect(negative(text), text).toBe(true);
    }
  });

  it('does not call a refund received negative', () => {
    expect(negative('They refunded me quickly, thanks!')).toBe(false);
    expect(negative('Remboursé rapidement, merci.')).toBe(false);
  });
});

describe('scoreNegativity: words and emphasis', () => {
  it('finds e-reputation words behind elisions', () => {
    expect(negative("Encore une fois, l'arnaque habituelle.")).toBe(true);
    expect(negative("La marque est accusée d'escroquerie.")).toBe(true);
    expect(negative('Rien de plus qu’une escroquerie.')).toBe(true);
  });

  it('weighs the e-reputation vocabulary heavily, in both languages', () => {
    for (const text of [
      'On parle de boycott.',
      'Une plainte a été déposée contre la marque.',
      "C'est le bad buzz de la semaine.",
      'Très déçue par la livraison.',
      'Total rip-off.',
      'They filed a lawsuit against the company.',
      'I want a refund.',
      'This shop is a scam.',
    ]) {
      expect(scoreNegativity(text).score, text).toBeGreaterThan(0.5);
    }
  });

  it('reads intensifiers and diminishers', () => {
    expect(score('Vraiment nul.')).toBeGreaterThan(score('Nul.'));
    expect(score('Un peu décevant.')).toBeLessThan(score('Décevant.'));
    expect(score('Very bad.')).toBeGreaterThan(score('Bad.'));
    expect(score('Slightly disappointing.')).toBeLessThan(score('Disappointing.'));
  });

  it('lets the clause after "mais"/"but" weigh more', () => {
    expect(negative('Le décor est joli mais le service est horrible.')).toBe(true);
    expect(negative('The service was slow but the food was amazing.')).toBe(false);
  });

  it('hears capitals and exclamation marks', () => {
    expect(score('This is BAD.')).toBeGreaterThan(score('This is bad.'));
    expect(score('Quelle déception !!!')).toBeGreaterThan(score('Quelle déception.'));
  });

  it('reads emoji and emoticons', () => {
    expect(negative('Livraison reçue 😡')).toBe(true);
    expect(negative('Encore en panne :(')).toBe(true);
    expect(scoreNegativity('Merci 😍').tone).toBe('positive');
  });

  it('finds words that stretched letters or missing accents hide', () => {
    expect(negative('nuuuul')).toBe(true);
    expect(negative('tres decu')).toBe(true);
  });

  it('calls a plain statement neutral, with no hits', () => {
    const plain = scoreNegativity('Le magasin ouvre à neuf heures.');
    expect(plain).toMatchObject({ score: 0, negative: false, tone: 'neutral', lang: 'fr' });
  });

  it('scores in the language asked for, or in both when unknown', () => {
    expect(scoreNegativity('nul', { lang: 'fr' }).negative).toBe(true);
    expect(scoreNegativity('Scam!', { lang: null })).toMatchObject({ negative: true, lang: null });
  });
});

describe("scoreNegativity: the user's word rules", () => {
  it("'always-negative' makes any text naming the word negative", () => {
    const rules: WordRule[] = [{ word: 'Lumen', rule: 'always-negative' }];
    expect(negative('Lumen launches a new coffee.')).toBe(false);
    const flagged = scoreNegativity('Lumen launches a new coffee.', { rules });
    expect(flagged).toMatchObject({ score: 1, negative: true, tone: 'negative' });
    expect(flagged.hits[0]).toEqual({ word: 'Lumen', weight: -4 });
  });

  it("'never-negative' neutralises the word, whatever the lexicons say", () => {
    const rules: WordRule[] = [
      { word: 'war zone', rule: 'never-negative' },
      { word: "L'Arnaque", rule: 'never-negative' },
    ];
    expect(negative('The new War Zone trailer is out.')).toBe(true);
    expect(negative('The new War Zone trailer is out.', rules)).toBe(false);
    expect(negative("Nous avons revu L'Arnaque hier soir.")).toBe(true);
    expect(negative("Nous avons revu L'Arnaque hier soir.", rules)).toBe(false);
  });

  it('matches a rule whole, ignoring case and accents, the last word also plural', () => {
    const rules: WordRule[] = [{ word: 'Déçu', rule: 'never-negative' }];
    expect(negative('Tellement DECU', rules)).toBe(false);
    expect(negative('Que des arnaques', [{ word: 'arnaque', rule: 'never-negative' }])).toBe(false);
    expect(negative('Tellement déçus', [{ word: 'déç', rule: 'never-negative' }])).toBe(true);
  });

  it('lets always-negative win when both rules name the same word', () => {
    const rules: WordRule[] = [
      { word: 'arnaque', rule: 'never-negative' },
      { word: 'arnaque', rule: 'always-negative' },
    ];
    expect(negative('Une vraie arnaque', rules)).toBe(true);
  });
});
