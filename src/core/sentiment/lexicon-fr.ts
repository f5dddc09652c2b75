/*!
 * The word ratings below are the French adjective lexicon of Pattern
 * (pattern/text/fr/fr-sentiment.xml), by Tom De Smedt, Walter Daelemans and fabelier.org (CLiPS,
 * University of Antwerp), dedicated to the public domain under the Open Data Commons PDDL:
 * https://github.com/clips/pattern
 */
/**
 * A faithful extract of the published list: Vigie's own additions and corrections live in
 * words-fr.ts, never here.
 *
 * From the copy of fr-sentiment.xml converted to JSON in the npm package natural 8.1.1
 * (lib/natural/sentiment/French/pattern-sentiment-fr.json): the single-word forms whose
 * polarity is at least 0.1 away from neutral, accent-folded, polarity (-1 … 1) times 4 to share
 * VADER's scale, rounded to one decimal, less the forms the scorer finds anyway with the same
 * rating by taking an ending off (ENDINGS in lexicon.ts): "décevantes" → "décevant".
 * One line per rating: "rating word word…".
 */
export const PATTERN_FR = `
-4 decu degueulasse horrible imbecile miserable pathetique
-3.6 abominable atroce obscene
-3.2 affreuse affreux agressif agressive dechirant ignoble maudit moche pourri salaud scandaleuse scandaleux
-3 ridicule
-2.8 barbare con connerie desespere egoiste ennuye ennuyer ennuyeuse ennuyeux epouvantable fatal hautain hideuse hideux hostile idiot insolent laid mal mauvais merde nazi odieuse odieux repugnant saoul terrible terrifiant vulgaire
-2.7 incapable
-2.6 sinistre
-2.4 amer brutal brutaux distrait ennemi ennui epuise farouche foutaise funebre grotesque impitoyable infernal infernaux lugubre maladroit malheureusement menacant meprisant meurtrier misogyne morne rebarbatif rebarbative sournois vilain
-2.2 dangereuse dangereux douloureuse douloureux
-2 affole atrocite bete brusque catastrophe creuse creux croise debile deception derisoire desagreable desastre desherite difficile effrayant effraye embarrasse etrange fausse faux final finaux hargneuse hargneux horreur impossible indigent inferieur inhumain interminable intolerable ivre livide louche pleurer puant solennel soupir stupide terne violent
-1.9 obscur
-1.8 furieuse furieux perdu sovietique tendu
-1.7 degoutant lent
-1.6 altere avarie batailleur batailleuse bizarre bleme blesse brise casse complique confus corrompu crasseuse crasseux cruel eteint excessif excessive fade force foutu froisse genant helas honteuse honteux incomprehensible incredule indifferent injuste inquietant insense insignifiant jalouse jaloux las long longue mechant mecontent mediocre mefiant monstrueuse monstrueux oublie paresseuse paresseux penible pire pueril rate redoutable sanglant sordide tragique vague
-1.5 faible haineuse haineux pauvre
-1.4 adverse antagonique besogneuse besogneux cretin defavorable difforme disgracieuse disgracieux execrable fauche froid gras immanquable imparable inamical inamicaux malade sale
-1.3 desarme endeuille inapte insatisfait sombre
-1.2 abandonne acre aigre animal aveugle banal banaux battu bavard chic cru dechire dernier desole dommage emousse endommage extreme feroce gene impatient implacable incertain inconscient indigne indiscret insensible insolite inutile lamentable malheureuse malheureux maligne malin melancolique mouchete nerveuse nerveux presse prisonnier proletarien rond roturier sourd suspect terriblement triste trompeur trompeuse troublant vain vide
-1.1 abruti angoissant aventureuse aventureux colereuse colereux ferme jouissif jouissive plat taraudant terebrant
-1 affolant agacant balourd blessant caverneuse caverneux combatif combative contrariant coupable desert emeche emmerdant envahissant etroit fichu fragile glace impraticable invraisemblable mensonger negligeable plaque sec seche severe soucieuse soucieux trop
-0.9 belliqueuse belliqueux contracte embarrassant forcene fourvoye furibond irascible minuscule
-0.8 abusif abusive alarmant apre arme bas battant biscornu boueuse boueux bruyant burlesque cher combattant complexe contrit couche dantesque deconfit deficient deregle dingue dramatique dur ecrase effroyable egare embrouille ensanglante entortille envieuse envieux etranger evasif evasive fatigant fatigue fievreuse fievreux fige flaneur flaneuse flou fonce funeste furtif furtive glacial glaciaux gnangnan gratine hagard humble imperceptible imperial imperiaux imprevisible impuissant inaccessible incessant inconnu indecis inequitable inevitable insupportable isole lambin leonin maigre minable minime modeste monotone moque mou nuageuse nuageux nul obligatoire ombreuse ombreux ordinaire passe paternel perime pesant pitoyable poussiereuse poussiereux raide reussi rude saignant sanguinolent singulier solitaire sterile subit tordu vieil vomir
-0.7 abracadabrant arriere charnu consterne gris inflexible pimente saumatre valetudinaire
-0.6 accable acerbe afflige affligeant aplati arrondi attriste boudine camard captif captive compresse comprime croustillant deplorable desertee detenu disparu electrique emprisonne encroute enfantin evacue excite fretillant gauche graveleuse graveleux grivois hyperactif hyperactive immobile indetermine malentendant malfaisant modere moyen oiseuse oiseux particulier peremptoire piteuse piteux quelconque revolu rondelet sourdingue superflu tenebreuse tenebreux terminal terminaux tombe
-0.5 abattu alterable anhydre blamable cinglant confine delaisse depeuple deshydrate equivoque exigeant formel grelottant instable limite militaire perissable precaire punissable
-0.4 absent acidule activiste allogene amaigri anonyme anticapitaliste anxieuse anxieux arrete artificiel austere autoritaire autre bagarreur bagarreuse bancal belligerant blafard bouillant bourgeois brule cagneuse cagneux catholique cense chauve cherot clandestin clos cocasse concis contraire coriace cotonneuse cotonneux court couteuse couteux criminel decharne defait deforme detache dispendieuse dispendieux docile douteuse douteux ecarte efflanque engourdi epars equipe errant esseule fin flagada flagrant frele fugitif fugitive gluant gonfle grisatre hesitant ignore immigrant impassible imperieuse imperieux improbable inaudible inerte inexplore infime infinitesimal infinitesimaux inquiet insoutenable interdit lache lointain mat melange mesure moindre moite monocorde muet noir nonchalant occupe opaque oppose parti pateuse pateux perpetuel perplexe poubelle primitif primitive progressiste provisoire prudent radical radicaux ramollo raplapla rauque reduit resistant rigide ruineuse ruineux salee salees seul strict subjectif subjective susceptible suspendu tardif tardive tenace timide tremblant trouble urgent vertigineuse vertigineux vulnerable
0.4 actif active actuel affile agite aiguise ample androide anthropoide antique apparent arrive artistique astronomique atypique avantageuse avantageux beaucoup certainement charnel choisi civil collegial collegiaux compact completement conforme conscient considerable constant convaincu cosmique courant culturel cuprifere cuprique decide deconcertant decouvert decouvrir deroutant disparate disponible dissimule donne duveteuse duveteux economique effectif effective elementaire emu enceinte enigmatique equitable eternel evident exorbitant exotique extraordinaire fameuse fameux familial familiaux fidele fixe fleuri franchouillard fraternel frequent fructueuse fructueux fruste gaulois gigantesque glabre gourmand gratuit haletant hexagonal hexagonaux humanoide ignorant illimite incalculable incomparable independant inepuisable ingenu inspire instant intellectuel irreel irresponsable judicieuse judicieux libere liquoreux litteraire logique loyal loyaux metropolitain mobile naif naive neuf neuve nouvelle parallele patent pensif pensive petit pieuse pieux pose precoce principal principaux profane raffine recent regulier rigoureuse rigoureux saillant scolaire sentimental sentimentaux serein si simple soigne souple soyeuse soyeux spirituel sportif sportive suffisant supplementaire taille technicien total totaux tricolore uni vierge vital vitaux volonte
0.5 accessible encaisse encastre inedit langoureuse langoureux lascif lascive present primordial primordiaux societal
0.6 abordable adolescent ahurissant aristocrate bourre captivant celebre commencant cristallin debutant demesure draconien entier equilibre espiegle estimable febrile frisquet immacule imprecis intelligible large lisible malleable naissant nu nue nus plaisir plus pondere pret prodigieuse prodigieux pubere rassasie reconnu tranquille
0.7 calme cosmopolite droit esoterique haut hieratique intangible inviolable leger liturgique normal normaux precipite supranational veloce
0.8 acariatre acharne agissant aigu assure athletique burine cache capital capitaux chatoyant cisele coeur collectif collective conseille convenable costaud courtois decisif decisive decouple deraisonnable detaille direct discordant distingue dore doucereuse doucereux eblouissant ecoeurant efficient egal egaux erotique evidemment exceptionnel extravagant familier fortement franc francais franche geant hardi honnete illogique illustre inattendu innocent innombrable intime invincible legitime lisse lucide malgre mental mentaux miraculeuse miraculeux moderne multiple mur muscle mystique operant original originaux parfume phosphorescent poetique pratique preponderant privilegie professionnel profondement propice raisonnable rassurant recommande reel reflechi resolu robuste royal royaux sage sculpte sensible simplement spacieuse spacieux spontane subtil sur sympa universel utile veritable
0.9 accort adroit applique attachant autonome cavalier enorme fortune humain juste opulent possedant soigneuse soigneux tous tout
1 abasourdi absolument allegre bouffon cabalistique celeste chaud clairement concret confondu cordial cordiaux delicat embrase enflamme enjoue exact factice flamboyant fortuit inaltere louable nature parfaitement plebeien plein preexistant profond rare retroactif retroactive social sociaux
1.1 adulateur aimant ameliore auguste clair comble corrige deconcerte entiche epanoui facile mysterieuse mysterieux necessaire preferable tendre vif vive
1.2 absorbe affable agreablement allume attirant authentique avance bijou certain chaleureuse chaleureux commode concentre confiant confortable dominant eprouve essentiel etincelant etonnant exemplaire favori favorite fraiche frais grand grossier habile heureusement imaginaire inadmissible inconcevable influent inimaginable interessant ironique joliment materiel merci mignon monumental monumentaux natal net noble nouvel ouvert pleine pleines pleins pointu poli predominant preeminent recherche responsable sain satisfait sexuel sourire spontaneite talent touchant transparent vigilant waouh
1.3 enchante jeune proche propre
1.4 altruiste bienfaisant bienheureuse bienheureux bonhomme capable charitable international internationaux nouveau rapide sacre
1.5 bienveillant complice fier naturel vaste
1.6 absurde accompli accueillant affectueuse affectueux aimee aimees aimerait aimes amusant apprecie avenant avide bel comique correct delectable different douce doux eclatant efficace emotion emouvant etonne fort gentil girond grave hasarde important inespere intense legendaire leve luisant marrant merveille mouvant organise pacifique pantouflard peinard precis qualite remarquable revolutionnaire richesse romantique satisfaisant stupefait superieur valable vigoureuse vigoureux viril vivace
1.7 complet epatant unique
1.8 accommodant astucieuse astucieux attentionne cadeau ebouriffant ensorcelant envoutant immense libre riche serieuse serieux
2 adore adorer amical amicaux ardent bonheur cheri cherir courageuse courageux devore devorer digne excellent favorable gai heroique honorable imposant luxueuse luxueux merveilleusement populaire premier pur rigole rigoler rire savant sincere solide special speciaux vieille vieux
2.1 drole meilleur
2.2 amoureuse amoureux charmant divin immediat joyeuse joyeux surpris
2.3 joli
2.4 aime attentif attentive brave chouette connu eclaire exquis incroyable inoubliable lumineuse lumineux plaisant precieuse precieux puissant radieuse radieux regal sensuel somptueuse somptueux supreme sympathique triomphal triomphaux ultime voluptueuse voluptueux
2.6 brillant content
2.8 admirable adorable agreable bon classique elegant excitant genereuse genereux heureuse heureux impeccable impressionnant magique passionnant pepite souriant super
3 ami prefere
3.2 beau belle delicieuse delicieux enthousiaste gracieuse gracieux grandiose ideal ideaux indispensable paisible parfait passionne physique splendide surprenant victorieuse victorieux vivant
3.4 formidable
3.6 aimable genial geniaux inoui intelligent irresistible merveilleuse merveilleux ravissant triomphant
4 fabuleuse fabuleux fantastique glorieuse glorieux magnifique majestueuse majestueux sublime superbe
`;
