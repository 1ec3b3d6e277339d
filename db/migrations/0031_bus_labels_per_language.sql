-- A bus's label becomes a map from language to text, the label as written kept under the edition's first language.
UPDATE `tour_buses` SET `label` = (
	SELECT json_object(coalesce(json_extract(`congresses`.`languages`, '$[0]'), 'en'), `tour_buses`.`label`)
	FROM `tours` JOIN `congresses` ON `congresses`.`id` = `tours`.`congress_id`
	WHERE `tours`.`id` = `tour_buses`.`tour_id`
);
