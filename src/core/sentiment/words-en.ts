/**
 * Vigie's own English word lists, written for Vigie, on top of the VADER lexicon (lexicon-en.ts):
 * the e-reputation vocabulary VADER rates weakly or not at all, idioms of complaint, review words
 * it lacks, and the words it rates that act here as negations. Written from general knowledge of
 * the language, not from any evaluation sentence.
 *
 * One line per weight, on VADER's scale (-4 … +4). A trailing * matches any ending; an underscore
 * joins the words of an idiom ("rip_off").
 */

/** Fraud, legal trouble, public backlash, complaints: what a reputation monitor exists for. */
const EREPUTATION = `
-3.5 scam scams scammed scammer* scamming fraud frauds fraudster* fraudulent* rip_off ripoff rip_offs ripped_off con_artist* bad_buzz boycott* stay_away never_again do_n't_buy do_not_buy waste_of_money waste_of_time false_advertising food_poisoning wo_n't_be_back will_not_be_back not_coming_back never_coming_back never_going_back never_return never_returning
-3 lawsuit* class_action sued suing disgrace* shameful* outrage* outraged deceptive misleading overcharg* charged_twice double_charged data_breach breach hacked bankrupt* racist* sexist* harassment discrimination* cover_up not_worth unacceptable inexcusable appalling scandal* avoid_at_all_costs can_n't_stand cannot_stand
-2.5 no_refund expected_better expected_more demand_a_refund demanded_a_refund want_a_refund want_my_refund asked_for_a_refund asking_for_a_refund requested_a_refund want_my_money_back no_response never_received never_arrived never_delivered still_waiting no_reply no_answer unprofessional* incompetent* defective faulty broken damaged unsafe toxic poison* backlash controvers* complaint complaints complain complained complaining product_recall recalled layoff* fined fraudulently liar* lied lying spam* fake fakes counterfeit* screwed_up fed_up
-2 chargeback* delay delays delayed cancelled canceled cancellation* late_delivery overpriced rude worthless useless mess messed meh letdown let_down underwhelm* unbearable disappoint*
-1.5 problem problems glitch* bug bugs buggy crash crashed crashes error errors
-1 issue issues
`;

/**
 * What a customer is owed: neutral by itself ("they refunded me quickly"), a complaint once
 * denied ("still no refund", "they won't refund me"). Rated 0, not negative: a negation that
 * reaches a negative word reads as faint praise ("not bad"), one that reaches no rated word as a
 * complaint (PARAMS.bareNegation), and denying a remedy is the latter. Asking for one is a
 * complaint: those idioms ("want a refund") are in EREPUTATION.
 */
const REMEDIES = `
0 refund refunds refunded refunding reimburse* reimbursement*
`;

/**
 * Opinion words of reviews that VADER leaves out (service, delivery, food, products, films and
 * shows): a business's reputation is made of such sentences.
 */
const REVIEWS = `
-3 atrocious abysmal garbage trash rubbish godawful unwatchable unlistenable inedible cringeworthy cringey cringy worst_ever
-2.5 poorly mediocre subpar sub_par overrated underwhelming unfunny pointless tedious inept amateurish nonsensical incoherent tasteless flavorless flavourless filthy smelly stinky yuck yuk eww unhelpful unfriendly inattentive uninspired unoriginal lifeless soulless half_baked second_rate third_rate cheaply_made stopped_working fell_apart falls_apart not_impressed unimpressed waste wasted
-2 bland stale soggy mushy rubbery undercooked overcooked burnt lukewarm greasy slow slowest sloppy careless clueless contrived forgettable plodding nightmare hassle headache flimsy unreliable unresponsive blah ugh ignored disorganized unorganized understaffed predictable cliched cliche cheesy implausible convoluted laughable dated overlong overdone drags dragged dragging wooden unconvincing annoyed irritating
-1.5 waited waiting salty dry chewy watery noisy crowded cramped expensive average ok_i_guess so_so mixed_feelings
2 tasty flavorful attentive prompt gem cozy spot_on must_see top_notch well_done well_made well_written well_acted hooked recommended highly_recommend
`;

/** Words VADER rates that Vigie reads as modifiers, or that mean something else in a review. */
const CORRECTIONS = `
0 issued issuing do_n't_hesitate do_not_hesitate do_n't_forget do_not_forget no not never nothing nobody none neither nor without hardly barely scarcely please well yes okay ok
1 like likes
1.5 do_n't_miss do_not_miss
`;

/** Vigie's English lines, in the order they apply: a later rating of an entry wins. */
export const EN_WORDS = [EREPUTATION, REMEDIES, REVIEWS, CORRECTIONS].join('\n');

/** How English turns and weighs words. */
export const EN_MODIFIERS = {
  ne: [] as string[],
  closers: [] as string[],
  loose: [
    'not',
    "n't",
    'no',
    'never',
    'nothing',
    'nobody',
    'none',
    'neither',
    'nor',
    'without',
    'hardly',
    'barely',
    'scarcely',
    'cannot',
    'cant',
    'dont',
    'doesnt',
    'didnt',
    'isnt',
    'wasnt',
    'arent',
    'werent',
    'wont',
    'wouldnt',
    'shouldnt',
    'couldnt',
    'havent',
    'hasnt',
    'hadnt',
    'aint',
    'nowhere',
  ],
  backward: [] as string[],
  boosters:
    'very really so extremely totally absolutely completely incredibly super too highly utterly ' +
    'truly deeply most such remarkably exceptionally especially particularly thoroughly ' +
    'entirely amazingly awfully terribly insanely hugely seriously damn freaking fucking ' +
    'way_too much_too',
  dampeners:
    'slightly somewhat a_bit a_little kind_of sort_of kinda sorta rather fairly quite partly ' +
    'mildly marginally almost nearly occasionally pretty',
  contrast: 'but however yet nevertheless nonetheless though except',
  concession: 'although even_though despite in_spite_of while whereas',
};
