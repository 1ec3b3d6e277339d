-- An edition's venue and city become maps from language to text, kept under the edition's first language.
UPDATE `congresses` SET
	`venue` = json_object(coalesce(json_extract(`languages`, '$[0]'), 'en'), `venue`),
	`city` = json_object(coalesce(json_extract(`languages`, '$[0]'), 'en'), `city`);
