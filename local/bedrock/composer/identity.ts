/** How the local composer names itself in logs and errors; Bedrock's responses carry no model name. */
export const LOCAL_COMPOSER_MODEL_ID = 'parley.local-composer-v1';
