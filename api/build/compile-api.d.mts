/** The directory of the current build of the API (api/, forms/ and plugins/ inside), compiled first if the sources changed. */
export function compiledApi(): Promise<string>;
