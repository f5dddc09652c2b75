/**
 * A paged list of mentions (the inbox, all mentions, or one crisis's), newest first, with the
 * search and filters of the route's query, and the bulk actions: create a crisis from the
 * selection, move it, tag it, delete it (with undo).
 */
import { t } from '../../core/i18n';
import type { MentionScope } from '../../core/messaging/protocol';
import { ErrorMessage, LoadMore } from '../../ui/components';
import type { RouteParams } from '../../ui/use-hash-route';
import { MentionFilterBar } from '../filter-bar';
import { isFiltered, MENTION_PARAMS } from '../list-filters';
import { useParamsChange } from '../use-params-change';
import { ActionToast } from './action-toast';
import { BulkToolbar } from './bulk-toolbar';
import { CreateCrisisForm } from './create-crisis-form';
import { ListStatus } from '../list-status';
import { MentionRows } from './mention-rows';
import { useMentionList } from './use-mention-list';

export function MentionList(props: {
  scope: MentionScope;
  onChanged: () => void;
  /** The route's query: given, the list shows the filter bar and follows its filters. */
  params?: RouteParams;
}) {
  const { params } = props;
  const list = useMentionList(props.scope, params, props.onChanged);
  const { scope, error, crises, actions, creation, selected } = list;
  const { items, next } = list.pages;
  const changeParams = useParamsChange(params ?? {});
  const filtered = params !== undefined && isFiltered(params, MENTION_PARAMS);
  const empty = filtered
    ? t('filterNoMatch')
    : t(scope.in === 'crisis' ? 'logEmptyCrisis' : 'logEmpty');

  return (
    <div>
      {params && (
        <MentionFilterBar
          params={params}
          onChange={changeParams}
          crises={props.scope.in === 'all' ? crises : null}
          mentions={items}
        />
      )}
      <BulkToolbar
        items={items}
        selected={selected}
        onSelectAll={(all) => list.selectOnly(all ? items.map((m) => m.id) : [])}
        moveTargets={crises.filter((c) => scope.in !== 'crisis' || c.id !== scope.crisisId)}
        inboxTarget={scope.in !== 'inbox'}
        onCreate={() => creation.setCreating(true)}
        onMove={actions.move}
        onDelete={() => void actions.remove()}
        onTag={actions.tag}
      />
      {creation.creating && (
        <CreateCrisisForm
          first={items.find((m) => selected.has(m.id))}
          onCreate={(title, level) => void creation.create(title, level)}
          onCancel={() => creation.setCreating(false)}
        />
      )}
      <ErrorMessage error={error} />
      <ListStatus
        loaded={list.pages.loaded}
        count={items.length}
        total={list.pages.total}
        more={next !== null}
        empty={error ? null : empty}
        testId="log-shown"
      />
      <MentionRows
        items={items}
        selected={selected}
        crises={scope.in !== 'crisis' && list.crisesKnown ? crises : null}
        onSelect={list.select}
        onSave={list.save}
      />
      {next && <LoadMore onClick={() => void list.pages.load(next)} />}
      <ActionToast actions={actions} />
    </div>
  );
}
