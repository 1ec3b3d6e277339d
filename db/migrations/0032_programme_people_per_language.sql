-- A speaker's or chair's name and affiliation become maps from language to text, kept under the edition's first language.
UPDATE `programme_people` SET
	`name` = (SELECT json_object(coalesce(json_extract(`congresses`.`languages`, '$[0]'), 'en'), `programme_people`.`name`) FROM `congresses` WHERE `congresses`.`id` = `programme_people`.`congress_id`),
	`affiliation` = CASE WHEN trim(`affiliation`) = '' THEN '{}' ELSE (SELECT json_object(coalesce(json_extract(`congresses`.`languages`, '$[0]'), 'en'), `programme_people`.`affiliation`) FROM `congresses` WHERE `congresses`.`id` = `programme_people`.`congress_id`) END;
