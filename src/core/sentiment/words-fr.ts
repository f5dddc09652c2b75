/**
 * Vigie's own French word lists, written for Vigie, on top of the Pattern adjectives
 * (lexicon-fr.ts). Pattern rates adjectives only: these lists bring the nouns, verbs, slang,
 * idioms and the e-reputation vocabulary, and correct the few Pattern ratings that read against
 * everyday usage (Pattern rates "absurde" and "inadmissible" positive). They were
 * written from general knowledge of the language, not from any evaluation sentence.
 *
 * One line per weight, on VADER's scale (-4 … +4). A trailing * matches any ending ("arnaqu*":
 * arnaque, arnaquer, arnaqueur…); an underscore joins the words of an idiom ("bad_buzz").
 */

/** Fraud, legal trouble, public backlash: what a reputation monitor exists for. */
const EREPUTATION = `
-3.5 arnaqu* escroc escrocs escroqu* fraude fraudes fraudeur* fraudul* voleur voleurs voleuse voleuses fuyez a_fuir a_eviter immonde* inadmissible* inacceptable* inqualifiable* scandale scandales scandaleu* honte honteu* bad_buzz boycott* corrompu* corruption fiasco
-3 plainte plaintes porter_plainte poursuites_judiciaires litige* mensong* menteur* menteuse* tromperie* trompeu* publicite_mensongere evitez deconseill* faillite harcelement discrimination* raciste* sexiste* homophobe* intoxication* fuite_de_donnees piratage hacke hackes hors_de_prix foutage_de_gueule honteusement lamentable* pitoyable* deplorable* catastroph* desastr* inadmissibles
-2.5 remboursez rendez-moi injoignable* mepris meprisant* impoli* irrespectueu* insultant* insulte* toxique* dangereu* defectueu* endommag* abime abimee abimes abimees casse cassee casses cassees panne pannes menteur condamn* perquisition* polemique* accus* abus abuse abusee abusif* abusive* injust* manipul* hypocrit* mytho* fake faux_avis plus_jamais jamais_recu jamais_recue toujours_pas_recu toujours_rien pas_recu pas_de_reponse aucune_reponse sans_reponse sans_nouvelles jamais_livre jamais_rembourse pas_rembourse exige_un_remboursement veux_un_remboursement veux_etre_rembourse attends_toujours attend_toujours attendons_toujours toujours_en_attente
-2 attendais_a_mieux attendait_a_mieux attendions_a_mieux pas_de_remboursement aucun_remboursement toujours_pas reclamation* retard retards en_retard annulation* annule annulee annules bug bugs bugue buggue reclame reclamer litigieu* amende amendes greve* licenci* demission* denonc* rappel_produit rupture_de_stock
-1.5 alerte proces attente incident incidents erreur erreurs faute fautes probleme problemes souci soucis defaut defauts controvers* boycotter
`;

/**
 * What a customer is owed: neutral by itself ("remboursé rapidement, merci"), a complaint once
 * denied ("ils n'ont toujours pas remboursé"). Rated 0, not negative: a negation that reaches a
 * negative word reads as faint praise ("pas mauvais"), one that reaches no rated word as a
 * complaint (PARAMS.bareNegation), and denying a remedy is the latter. Asking for one is a
 * complaint: those idioms ("remboursez", "exige un remboursement") are in EREPUTATION.
 */
const REMEDIES = `
0 rembourse*
`;

/** General negative words: nouns, verbs, slang, idioms (Pattern covers most adjectives). */
const NEGATIVE = `
-3.5 nullissime a_chier de_merde merdique* degueu* degueulasse* ecoeur* immonde
-3 nul nulle nuls nulles naze* pourri* pourrie merde merdes horreur horreurs l'horreur atroce* affreu* minable* ignoble* infame* affligeant* consternant* navrant* desolant* catastrophe catastrophes desastre desastres cauchemar* calvaire insupportable* exasperant* degout* pire pires le_pire perte_de_temps temps_perdu ras_le_bol fiasco naufrage horrible* epouvantable* execrable* lamentablement
-2.5 decu decue decus decues decevant* decevoir decoit decoivent deception* chiant* chier soporifique* ennui ennuie ennuye ennuyee ennuyeu* ennuyant* ennuyer barbant* rasoir gachis gache gacher gachent gaspill* rate ratee rates ratees rater echec echecs flop flops bide foiree foirer bacle* incompetent* incompetence amateurisme mediocr* mauvais mauvaise mauvaises mal_fait mal_faite mal_joue mal_ecrit moche* laid laide laids laides laideur ridicule* grotesque* stupide* debile* idiot* cretin* connerie* bete betes betise* inutile* sert_a_rien servent_a_rien vaut_rien aucun_interet sans_interet inintéressant* sans_saveur insipide* surcote* surestime* survendu* insatisf* enerv* agacant* agace agacee agacent marre en_avoir_marre colere furieu* rage enrage* indign* revolt* choquant* choque choquee choques degoute* triste tristes tristesse deprim* peur angoiss* crainte craint craignos souffr* douleur* victime* danger menace* violence* violent* guerre terroris* crise galere galeres galerer emmerd* chiotte* foutu foutue putain bordel wtf fail epic_fail abandonne* regrett* regrette lasse lassant* lassitude repetitif* repetitive* previsible* incoherent* incoherence* invraisemblable* interminable* essouffl* longueurs rate incomprehensible* bordelique* brouillon decroche decroch* zappe insupportables degeulasse
-2 dommage helas malheureusement desole desolee desoles deplaire deplait deplu bof beurk berk bouh pff* grr* argh mouais raleur* rale ralent se_plaindre plaint plaignent plaindre fade* faible* faibles lourdingue* cliche* convenu* banal banale banals banales creux lent lente lents lentes lenteur* trop_cher chute baisse* penurie manque manques manquent manquait faux_pas erreur_de_casting gros_mot sale sales salete* crade* cradingue sans_plus pas_terrible moins_bien froid_dans_le_dos blesse blessee blesses accident accidents inquiet inquiete inquietant* stress stresse stressant* deconne deconner debordement* plouf bofbof
-1 absence vide vides long longue longs longues moyen moyenne moyens moyennes cher chers chere cheres passable* correct_sans_plus dubitatif* bizarre* etrange* confus confuse confusion complique* difficile* dur dure
`;

/** General positive words: verbs and nouns Pattern lacks, slang, idioms. */
const POSITIVE = `
3.5 chef-d'oeuvre chef_d'oeuvre chefs-d'oeuvre genialissime coup_de_coeur
3 genial geniale geniaux geniales excellent excellente excellents excellentes exceptionnel* extraordinaire* formidable* fantastique* magnifique* merveill* superbe* sublime* parfait parfaite parfaits parfaites parfaitement impeccable* bravo felicitation* hilarant* splendide* grandiose* epoustouflant* exquis exquise fabuleu* sensationnel* jubilatoire* bonheur ravi ravie ravis ravies au_top adore adoree adores adorees adorer adorons adorez adorent delicieu* succulent* incontournable* brillant* brillamment
2.5 top kiff* aime aimee aimes aimees aimer aimons aimez aiment recommande recommandee recommandes recommandons recommander recommandable* a_recommander vaut_le_coup vaut_le_detour a_decouvrir bluffant* remarquable* passionn* captivant* prenant prenante prenants prenantes haletant* palpitant* addictif* addictive* reussi reussie reussis reussies reussite* joie plaisir* chaleureu* serviable* attachant* emouvant* touchant* drole droles marrant* rigolo* incroyable* impressionnant* epatant* pepite* regal regale bijou merveille merveilles heureux heureuse heureuses enthousias* conquis conquise magique* culte satisfait satisfaite satisfaits satisfaites satisfaction satisfaisant* content contente contents contentes fier fiere fiers fieres bien_joue chapeau_bas
2 super cool chouette* sympa sympas sympathique* ouf apprecie appreciee apprecies appreciees apprecier apprecions beau belle beaux belles joli jolie jolis jolies mignon* charmant* seduisant* seduit seduite efficace* fiable* rapide* reactif* reactive* reactivite professionnel* agreable* bon bonne bons bonnes meilleur meilleure meilleurs meilleures mieux intelligent* subtil* finesse original originale originaux originales originalite drolerie humour interessant* rires rire rigole mdr ptdr haha* hihi merci mercii merci_beaucoup confiance espoir hate vivement impatient* fun nickel stylé stylee must solidaire* bienveill* bienvenue conseille conseillee conseiller_vivement emballe emballee emballes fluide* soigne soignee soignes soignees maitrise* coherent* credible* realiste* efficacement agreablement
1.5 bien sympathie a_voir gagne gagnant* victoire victoires soutien utile* pratique* correct correcte corrects correctes qualite plaisant* amusant* divertiss* distrayant* sobre* interet valeur_sure merite meritent meritait espere esperons
`;

/** Pattern ratings that read against everyday French: the corrected weight wins. */
const CORRECTIONS = `
-2.5 absurde absurdes aberrant aberrante aberrants aberrantes
-1 dernier
0 social sociaux ferme animal animaux naturel special final finaux sovietique different important international internationaux connu croise jeune certain ouvert necessaire complet
0 equipe arrive n'hesitez_pas n'hesite_pas pas_oublier n'oubliez_pas moyens chers cheres attentes par_defaut le_long_de tout_au_long tout toute tous toutes du_tout total totale totaux totales vieux vieille vieilles classique classiques grave graves premier premiere premiers premieres noir noire noirs noires fou folle fous folles dingue dingues juste justes gros grosse grand grande grands grandes petit petite petits petites seul seule seuls seules plein pleine pleins pleines fort forte forts fortes vrai vraie vrais vraies libre libres nouveau nouvelle nouveaux nouvelles rouge blanc blanche propre propres sans_doute bien_sur bien_que eh_bien ou_bien si_bien bien_entendu bien_des tant_bien_que_mal a_peine pas_mal_de
`;

/** Idioms that soften: "pas mal" is faint praise, not negativity. */
const SOFT = `
2 rien_a_redire ne_manquez_pas
1.5 pas_mal pas_si_mal pas_mauvais
`;

/** Vigie's French lines, in the order they apply: a later rating of an entry wins. */
export const FR_WORDS = [EREPUTATION, REMEDIES, NEGATIVE, POSITIVE, CORRECTIONS, SOFT].join('\n');

/**
 * How French turns and weighs words. `ne`/`n'` open a negation closed by `closers`; `loose` words
 * negate on their own, as tweets and speech drop the `ne` ("c'est pas bon", "j'aime pas").
 */
export const FR_MODIFIERS = {
  ne: ['ne', "n'"],
  closers: [
    'pas',
    'plus',
    'jamais',
    'rien',
    'guere',
    'aucun',
    'aucune',
    'point',
    'nullement',
    'ni',
  ],
  loose: ['pas', 'jamais', 'aucun', 'aucune', 'sans', 'ni', 'guere', 'nullement'],
  /** Loose negations that also reach back to the verb before them: "j'aime pas". */
  backward: ['pas', 'jamais'],
  boosters:
    'tres trop vraiment super hyper tellement vachement grave completement totalement absolument ' +
    'extremement particulierement franchement carrement si tout_a_fait archi ultra mega ' +
    'profondement terriblement incroyablement vraiment_tres bien_trop beaucoup_trop hautement ' +
    'serieusement sacrement furieusement follement',
  dampeners:
    'un_peu assez plutot legerement moyennement relativement presque quelque_peu a_peine ' +
    'un_brin un_tantinet',
  contrast: 'mais cependant pourtant toutefois neanmoins par_contre en_revanche sauf_que',
  concession: 'meme_si bien_que malgre quoique en_depit_de',
};
