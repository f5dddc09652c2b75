/**
 * Placeholder while the screen is built.
 */
import { useEffect } from 'preact/hooks';
import { t } from '../core/i18n';

export function ChartsView() {
  useEffect(() => {
    document.body.dataset.ready = 'true';
  }, []);
  return <h1>{t('chartsTitle')}</h1>;
}
