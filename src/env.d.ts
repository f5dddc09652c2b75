/** A stylesheet imported as its built text by vite (`import css from './x.css?inline'`). */
declare module '*.css?inline' {
  const text: string;
  export default text;
}
