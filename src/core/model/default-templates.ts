/**
 * The built-in templates of the messages Vigie drafts, for each kind of message (first message,
 * status update), each variant and each language. Message content, not interface text: hence
 * not in _locales.
 */
import type { MessageLang, MessageVariant, TemplateKind, TemplateText } from './types';

/** A text for every kind, variant and language of message. */
export type TemplateTexts = Record<
  TemplateKind,
  Record<MessageVariant, Record<MessageLang, TemplateText>>
>;

/**
 * The built-in templates, used while the user has not written their own in the settings.
 * Brackets mark what only the user knows ([the facts…]): a draft, never sent as it stands.
 */
export const DEFAULT_TEMPLATES: TemplateTexts = {
  inform: {
    holding: {
      en: {
        subject: '{crisis}: what we know so far',
        body:
          '{greeting}\n\n' +
          'We are aware of {summary}, and we are looking into it now. We do not have every ' +
          'answer yet and we will not guess: we want to give you facts.\n\n' +
          'We will write to you again by {nextUpdate} at the latest, sooner if we learn more.\n\n' +
          'Thank you for your patience.\n',
      },
      fr: {
        subject: '{crisis} : ce que nous savons à ce stade',
        body:
          '{greeting}\n\n' +
          'Nous avons connaissance de {summary} et nous l’examinons dès maintenant. Nous n’avons ' +
          'pas encore toutes les réponses et ne voulons pas avancer d’hypothèses : nous tenons à ' +
          'vous donner des faits.\n\n' +
          'Nous reviendrons vers vous au plus tard le {nextUpdate}, plus tôt si nous en ' +
          'apprenons davantage.\n\n' +
          'Merci de votre patience.\n',
      },
    },
    clarification: {
      en: {
        subject: '{crisis}: the facts',
        body:
          '{greeting}\n\n' +
          'You may have seen {summary}. We have looked into it carefully, and we want to set ' +
          'out the facts.\n\n' +
          '[The facts, in two or three sentences, with their sources.]\n\n' +
          'We understand why this caused concern, and we remain available to answer any ' +
          'question. If anything changes, we will write to you by {nextUpdate}.\n',
      },
      fr: {
        subject: '{crisis} : les faits',
        body:
          '{greeting}\n\n' +
          'Vous avez peut-être vu {summary}. Nous avons examiné la situation avec attention et ' +
          'tenons à rétablir les faits.\n\n' +
          '[Les faits, en deux ou trois phrases, avec leurs sources.]\n\n' +
          'Nous comprenons que cela ait pu vous inquiéter et restons à votre disposition pour ' +
          'répondre à vos questions. Si la situation évolue, nous reviendrons vers vous au plus ' +
          'tard le {nextUpdate}.\n',
      },
    },
    apology: {
      en: {
        subject: '{crisis}: our apologies, and what we are doing',
        body:
          '{greeting}\n\n' +
          'We made a mistake, and we want you to hear it from us first: {summary}.\n\n' +
          'We have stopped what caused it and we are preparing a plan of action to put it ' +
          'right. We will update you by {nextUpdate} at the latest.\n\n' +
          'We are sorry for the trouble this causes you.\n',
      },
      fr: {
        subject: '{crisis} : nos excuses, et ce que nous faisons',
        body:
          '{greeting}\n\n' +
          'Nous avons commis une erreur et tenons à ce que vous l’appreniez par nous : ' +
          '{summary}.\n\n' +
          'Nous avons mis fin à ce qui l’a causée et préparons un plan d’action pour la ' +
          'réparer. Nous reviendrons vers vous au plus tard le {nextUpdate}.\n\n' +
          'Nous vous prions de nous excuser pour la gêne occasionnée.\n',
      },
    },
    journalist: {
      en: {
        subject: 'Re: {crisis}',
        body:
          '{greeting}\n\n' +
          'Thank you for contacting us about {summary}.\n\n' +
          'What we can confirm today: [the facts established, with their dates].\n' +
          'What we are still checking: [what is not established yet].\n\n' +
          'We will come back to you by {nextUpdate} with more. I remain available for any ' +
          'question.\n',
      },
      fr: {
        subject: 'Re : {crisis}',
        body:
          '{greeting}\n\n' +
          'Merci de nous avoir contactés au sujet de {summary}.\n\n' +
          'Ce que nous pouvons confirmer aujourd’hui : [les faits établis, avec leurs dates].\n' +
          'Ce que nous vérifions encore : [ce qui n’est pas encore établi].\n\n' +
          'Nous reviendrons vers vous au plus tard le {nextUpdate}. Je reste à votre ' +
          'disposition pour toute question.\n',
      },
    },
    internal: {
      en: {
        subject: 'Internal: {crisis}, situation and decisions needed',
        body:
          '{greeting}\n\n' +
          'Situation: {summary}.\n' +
          'Detected: {detected}. Level: {level}. Estimated cost so far: {cost}.\n\n' +
          'Done so far: [containment actions].\n' +
          'Decisions needed from you: [decisions, with their deadlines].\n\n' +
          'Next note by {nextUpdate}. This note is internal: please do not forward it.\n',
      },
      fr: {
        subject: 'Interne : {crisis}, situation et décisions à prendre',
        body:
          '{greeting}\n\n' +
          'Situation : {summary}.\n' +
          'Détection : {detected}. Niveau : {level}. Coût estimé à ce stade : {cost}.\n\n' +
          'Fait jusqu’ici : [actions d’endiguement].\n' +
          'Décisions attendues de votre part : [décisions, avec leurs échéances].\n\n' +
          'Prochaine note au plus tard le {nextUpdate}. Cette note est interne : merci de ne ' +
          'pas la transférer.\n',
      },
    },
  },
  update: {
    holding: {
      en: {
        subject: '{crisis}: where we stand',
        body:
          '{greeting}\n\n' +
          'As promised, here is where we stand on {summary}.\n\n' +
          'What we have learnt since our last message: [the facts].\n' +
          'What we are doing: [the actions under way].\n\n' +
          'Our next update will reach you by {nextUpdate}.\n',
      },
      fr: {
        subject: '{crisis} : point de situation',
        body:
          '{greeting}\n\n' +
          'Comme promis, voici où nous en sommes au sujet de {summary}.\n\n' +
          'Ce que nous avons appris depuis notre dernier message : [les faits].\n' +
          'Ce que nous faisons : [les actions en cours].\n\n' +
          'Notre prochain point vous parviendra au plus tard le {nextUpdate}.\n',
      },
    },
    clarification: {
      en: {
        subject: '{crisis}: further to our message',
        body:
          '{greeting}\n\n' +
          'Further to our message about {summary}, here is what has happened since.\n\n' +
          '[New facts, corrections obtained, their sources.]\n\n' +
          'We remain available for any question; our next update will reach you by ' +
          '{nextUpdate}.\n',
      },
      fr: {
        subject: '{crisis} : suite à notre message',
        body:
          '{greeting}\n\n' +
          'Suite à notre message au sujet de {summary}, voici ce qui s’est passé depuis.\n\n' +
          '[Faits nouveaux, rectifications obtenues, leurs sources.]\n\n' +
          'Nous restons à votre disposition ; notre prochain point vous parviendra au plus ' +
          'tard le {nextUpdate}.\n',
      },
    },
    apology: {
      en: {
        subject: '{crisis}: putting it right',
        body:
          '{greeting}\n\n' +
          'We are officially rectifying {summary}. Here is what we have done since our last ' +
          'message, and what comes next.\n\n' +
          'Done: [the repairs carried out].\n' +
          'Next: [the repairs planned, with their dates].\n\n' +
          'Our next update will reach you by {nextUpdate}.\n',
      },
      fr: {
        subject: '{crisis} : ce que nous réparons',
        body:
          '{greeting}\n\n' +
          'Nous rectifions officiellement {summary}. Voici ce que nous avons fait depuis notre ' +
          'dernier message, et la suite.\n\n' +
          'Fait : [les réparations effectuées].\n' +
          'À venir : [les réparations prévues, avec leurs dates].\n\n' +
          'Notre prochain point vous parviendra au plus tard le {nextUpdate}.\n',
      },
    },
    journalist: {
      en: {
        subject: 'Re: {crisis}: update',
        body:
          '{greeting}\n\n' +
          'Further to our exchange about {summary}, here is what we can now confirm: ' +
          '[the facts].\n\n' +
          'We will come back to you by {nextUpdate} if there is more.\n',
      },
      fr: {
        subject: 'Re : {crisis} : point',
        body:
          '{greeting}\n\n' +
          'Suite à notre échange au sujet de {summary}, voici ce que nous pouvons désormais ' +
          'confirmer : [les faits].\n\n' +
          'Nous reviendrons vers vous au plus tard le {nextUpdate} s’il y a du nouveau.\n',
      },
    },
    internal: {
      en: {
        subject: 'Internal: {crisis}, situation update',
        body:
          '{greeting}\n\n' +
          'Situation: {summary}. Level: {level}. Estimated cost so far: {cost}.\n\n' +
          'Since the last note: [what changed].\n' +
          'Decisions needed: [decisions, with their deadlines].\n\n' +
          'Next note by {nextUpdate}.\n',
      },
      fr: {
        subject: 'Interne : {crisis}, point de situation',
        body:
          '{greeting}\n\n' +
          'Situation : {summary}. Niveau : {level}. Coût estimé à ce stade : {cost}.\n\n' +
          'Depuis la dernière note : [ce qui a changé].\n' +
          'Décisions attendues : [décisions, avec leurs échéances].\n\n' +
          'Prochaine note au plus tard le {nextUpdate}.\n',
      },
    },
  },
};
