"""The text each legal page starts from: every heading the RGAA 4.1 or the GDPR requires, with
a first version written in our own words. Editors complete and correct it in the admin."""

ACCESSIBILITY_SUMMARY = (
    "Où en est Trame de l'accessibilité numérique, et comment nous signaler un problème."
)

ACCESSIBILITY_BODY = """
<h2>Notre engagement</h2>
<p>L'association régionale des Missions Locales (ARML) veut que Trame soit utilisable par
chaque professionnel du réseau, quels que soient sa façon de lire l'écran, son matériel et
ses éventuelles situations de handicap. Cette déclaration s'applique à l'intranet Trame.</p>
<h2>État de conformité</h2>
<p>Trame est <b>partiellement conforme</b> au référentiel général d'amélioration de
l'accessibilité (RGAA), version 4.1 : une partie des critères n'est pas encore respectée
(voir ci-dessous).</p>
<h2>Résultats des tests</h2>
<p>Une évaluation interne a porté sur un échantillon de pages représentatif (accueil,
actualités, agenda, ressources, groupes de travail, recherche, compte). Chaque modèle de
page est aussi vérifié automatiquement avec axe-core à chaque évolution du code. Le taux
de critères respectés sera publié après l'audit complet.</p>
<h2>Contenus non accessibles</h2>
<h3>Non-conformités</h3>
<ul>
<li>Certains documents déposés dans la bibliothèque (PDF, tableurs) n'ont pas de structure
accessible ; nous demandons une version accessible à leurs auteurs.</li>
<li>Des images anciennes n'ont pas d'alternative textuelle pertinente.</li>
</ul>
<h3>Dérogations pour charge disproportionnée</h3>
<p>Aucune à ce jour.</p>
<h3>Contenus non soumis à l'obligation d'accessibilité</h3>
<p>Les documents bureautiques publiés avant le 23 septembre 2018 et les contenus de tiers
que l'ARML ne maîtrise pas.</p>
<h2>Établissement de cette déclaration</h2>
<h3>Technologies utilisées</h3>
<ul><li>HTML5</li><li>CSS</li><li>JavaScript</li></ul>
<h3>Environnement de test</h3>
<p>Les vérifications ont été faites avec Firefox et NVDA sous Windows, Safari et VoiceOver
sous macOS et iOS, Chromium et l'outil axe-core.</p>
<h3>Pages vérifiées</h3>
<p>Accueil, actualités, agenda, bibliothèque de ressources, espace d'un groupe de travail,
recherche, plan du site, mon compte et cette page.</p>
<h2>Retour d'information et contact</h2>
<p>Si vous n'arrivez pas à utiliser un contenu ou un service de Trame, dites-le-nous avec le
formulaire « Signaler un problème d'accessibilité » (en bas de cette page) : l'équipe
éditoriale vous répond et vous propose une autre façon d'obtenir l'information.</p>
<h2>Voies de recours</h2>
<p>Si vous nous avez signalé un défaut qui vous empêche d'accéder à un contenu ou à un service
et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des
droits :</p>
<ul>
<li>par le formulaire en ligne sur le site du Défenseur des droits (defenseurdesdroits.fr) ;</li>
<li>auprès de l'un de ses délégués dans votre département ;</li>
<li>par courrier gratuit, sans affranchissement : Défenseur des droits, Libre réponse 71120,
75342 Paris CEDEX 07.</li>
</ul>
""".strip()

PLAN_SUMMARY = "Ce que l'ARML prévoit, année après année, pour rendre Trame accessible."

PLAN_BODY = """
<h2>Organisation</h2>
<p>L'équipe régionale de l'ARML pilote l'accessibilité de Trame : une personne référente
suit les signalements, forme les éditeurs et vérifie chaque évolution avant sa mise en
ligne.</p>
<h2>Actions prévues</h2>
<h3>Première année</h3>
<ul>
<li>Audit complet sur l'échantillon de pages et publication du taux de conformité.</li>
<li>Formation des éditeurs à la rédaction accessible (titres, liens, alternatives).</li>
</ul>
<h3>Deuxième année</h3>
<ul>
<li>Correction des non-conformités relevées par l'audit.</li>
<li>Remplacement progressif des documents non accessibles les plus consultés.</li>
</ul>
<h3>Troisième année</h3>
<ul>
<li>Nouvel audit et mise à jour de la déclaration.</li>
</ul>
<h2>Suivi</h2>
<p>Un bilan annuel est présenté au conseil d'administration et publié sur cette page.</p>
""".strip()

NOTICES_SUMMARY = "Qui édite et héberge Trame."

NOTICES_BODY = """
<h2>Éditeur</h2>
<p>Trame est édité par l'association régionale des Missions Locales (ARML), association
régie par la loi du 1er juillet 1901, qui représente les Missions Locales de la région.</p>
<h2>Directeur ou directrice de la publication</h2>
<p>La présidence de l'ARML.</p>
<h2>Hébergement</h2>
<p>À compléter : nom, adresse et téléphone de l'hébergeur.</p>
<h2>Propriété intellectuelle</h2>
<p>Les contenus publiés sur Trame sont réservés aux professionnels du réseau. Leur
reproduction hors du réseau demande l'accord de leur auteur.</p>
<h2>Données personnelles</h2>
<p>Voir la page « Confidentialité et données personnelles ».</p>
<h2>Accessibilité</h2>
<p>Voir la déclaration d'accessibilité.</p>
""".strip()

PRIVACY_SUMMARY = "Quelles données Trame garde sur vous, pourquoi, combien de temps, et vos droits."

PRIVACY_BODY = """
<h2>Responsable du traitement</h2>
<p>L'association régionale des Missions Locales (ARML) est responsable des données
personnelles traitées dans Trame.</p>
<h2>Données traitées</h2>
<ul>
<li>Votre compte : identifiant, nom, prénom, adresse électronique, dates de connexion.</li>
<li>Votre profil : structure, fonction, téléphone, courte présentation, photo, thématiques
dont vous êtes référent·e.</li>
<li>Votre participation : groupes de travail, demandes d'adhésion, abonnements, préférences
de la lettre d'information, documents déposés, pages rédigées.</li>
<li>La sécurité de votre compte : état de la double authentification (jamais ses secrets en
clair), tentatives de connexion échouées.</li>
</ul>
<p>Les recherches sont comptées par jour et par texte recherché, sans le nom de la personne
qui cherche.</p>
<h2>Finalités</h2>
<ul>
<li>Permettre aux professionnels du réseau de travailler ensemble et de partager
l'information.</li>
<li>Tenir l'annuaire du réseau.</li>
<li>Envoyer la lettre d'information choisie par chacun.</li>
<li>Protéger l'accès à l'intranet.</li>
</ul>
<h2>Bases légales</h2>
<ul>
<li>L'intérêt légitime de l'ARML à animer son réseau (compte, profil, groupes,
annuaire).</li>
<li>Votre consentement pour la lettre d'information, que vous pouvez retirer à tout
moment depuis votre compte.</li>
<li>L'obligation de sécurité (sécurité du compte et journaux de connexion).</li>
</ul>
<h2>Destinataires</h2>
<p>Les professionnels connectés du réseau voient l'annuaire ; les membres d'un groupe
réservé voient ses contenus ; l'équipe éditoriale et les administrateurs de l'ARML gèrent
les comptes. Aucune donnée n'est vendue ni transmise hors du réseau.</p>
<h2>Durées de conservation</h2>
<ul>
<li>Compte et profil : tant que vous travaillez dans le réseau, puis anonymisation après
votre départ.</li>
<li>Tentatives de connexion échouées : quelques semaines.</li>
<li>Statistiques de recherche : agrégées, sans nom.</li>
</ul>
<h2>Vos droits et comment les exercer</h2>
<p>Vous pouvez accéder à vos données, les rectifier, les effacer, en limiter le traitement,
vous opposer à leur traitement et les recevoir dans un format réutilisable. La page
« Mes données » de votre compte vous permet de les télécharger (JSON et CSV) ; votre profil
se corrige depuis votre compte. Pour toute autre demande, écrivez à l'équipe de l'ARML :
elle répond dans un délai d'un mois.</p>
<h2>Réclamation auprès de la CNIL</h2>
<p>Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une
réclamation à la Commission nationale de l'informatique et des libertés (CNIL), sur son
site cnil.fr ou par courrier : CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07.</p>
""".strip()
